using AsyncCoach.Storage;
using Microsoft.Data.Sqlite;
using AsyncCoach.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncCoach.Hosting;

/// <summary>Checks the storage settings before anything touches the database.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.IsPostgres)
        {
            return ValidatePostgres(options);
        }

        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider '{options.Provider}' is not supported; set Storage__Provider to 'sqlite' or 'postgres'.");
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

    private static ValidateOptionsResult ValidatePostgres(StorageOptions options)
    {
        const string Example = "e.g. 'Host=db.example.com;Database=asynccoach;Username=asynccoach'";
        if (options.LeaseDuration < TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail($"Storage:LeaseDuration must be at least one minute (it is {options.LeaseDuration}): a shorter lease could end a send still in flight.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                return ValidateOptionsResult.Fail($"Storage:ConnectionString has no Host for Storage:Provider 'postgres'; set Storage__ConnectionString, {Example}.");
            }
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid PostgreSQL connection string ({ex.Message}); {Example}.");
        }

        return PostgresServices.NotPorted.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Storage:Provider 'postgres' is not complete in this build; not yet on PostgreSQL: {string.Join(", ", PostgresServices.NotPorted)}. Use 'sqlite'.");
    }
}
