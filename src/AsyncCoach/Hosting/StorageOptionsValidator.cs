using AsyncCoach.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Hosting;

/// <summary>Checks the storage settings before anything touches the database.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider '{options.Provider}' is not supported; set Storage__Provider to 'sqlite' (PostgreSQL is not implemented yet).");
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
