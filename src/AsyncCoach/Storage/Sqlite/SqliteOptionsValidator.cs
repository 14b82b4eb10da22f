using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>Checks the SQLite connection string before anything touches the database.</summary>
public sealed class SqliteOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!StorageOptions.Names(options.Provider, StorageOptions.Sqlite))
        {
            // Another provider's connection string; StorageOptionsValidator reports the provider.
            return ValidateOptionsResult.Skip;
        }

        if (options.CheckpointInterval < TimeSpan.FromMilliseconds(100) || options.CheckpointInterval > TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:CheckpointInterval must be between 00:00:00.1 and 00:01:00 (it is {options.CheckpointInterval}); e.g. Storage__CheckpointInterval=00:00:01.");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString has no Data Source; set Storage__ConnectionString, e.g. 'Data Source=asynccoach.db'.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid SQLite connection string: {ex.Message}");
        }
    }
}
