using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>Checks the PostgreSQL settings (connection string, lease) before anything connects.</summary>
public sealed class PostgresOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Example = "e.g. 'Host=db.example.com;Database=asynccoach;Username=asynccoach'";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.LeaseDuration < TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:LeaseDuration must be at least one minute (it is {options.LeaseDuration}): a shorter lease could end a send still in flight.");
        }

        if (options.PartitionLeaseDuration < TimeSpan.FromSeconds(3))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:PartitionLeaseDuration must be at least 3 seconds (it is {options.PartitionLeaseDuration}), e.g. '00:00:15': it is renewed every third of it.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"Storage:ConnectionString has no Host for the PostgreSQL provider; set Storage__ConnectionString, {Example}.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid PostgreSQL connection string ({ex.Message}); {Example}.");
        }
    }
}
