using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;

namespace AsyncCoach.Tests.Postgres;

public sealed class PostgresConfigurationTests
{
    private readonly PostgresOptionsValidator _postgres = new();

    [Test]
    public void Postgres_without_a_host_names_the_key_and_gives_an_example()
    {
        var result = _postgres.Validate(null, new StorageOptions { Provider = "postgres", ConnectionString = "Database=asynccoach" });

        Assert.That(result.FailureMessage, Does.Contain("Storage:ConnectionString has no Host for the PostgreSQL provider").And.Contain("Host="));
    }

    [Test]
    public void Postgres_with_the_default_SQLite_connection_string_names_the_key()
    {
        var result = _postgres.Validate(null, new StorageOptions { Provider = "postgres" });

        Assert.That(result.FailureMessage, Does.Contain("Storage:ConnectionString is not a valid PostgreSQL connection string").And.Contain("Host="));
    }

    [Test]
    public void A_lease_under_a_minute_is_refused()
    {
        var result = _postgres.Validate(null, new StorageOptions { Provider = "postgres", ConnectionString = "Host=db", LeaseDuration = TimeSpan.FromSeconds(5) });

        Assert.That(result.FailureMessage, Does.Contain("Storage:LeaseDuration"));
    }

    [Test]
    public void A_partition_lease_under_three_seconds_is_refused_with_an_example()
    {
        var result = _postgres.Validate(null, new StorageOptions { Provider = "postgres", ConnectionString = "Host=db", PartitionLeaseDuration = TimeSpan.FromSeconds(1) });

        Assert.That(result.FailureMessage, Does.Contain("Storage:PartitionLeaseDuration").And.Contain("00:00:15"));
    }

    [Test]
    public void A_complete_connection_string_passes_the_provider_check()
    {
        var result = _postgres.Validate(null, new StorageOptions { Provider = "postgres", ConnectionString = "Host=db;Database=asynccoach;Username=asynccoach" });

        Assert.That(result.Succeeded, Is.True);
    }
}
