using AsyncCoach.Caching;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Postgres;

/// <summary>One service instance's PostgreSQL provider (its own DI container, its own caches and identity) on a shared test database.</summary>
internal static class PostgresTestServices
{
    public static ServiceProvider Instance(string connectionString, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddOptions<StorageOptions>().Configure(o => (o.Provider, o.ConnectionString) = ("postgres", connectionString));
        services.AddOptions<CacheOptions>();
        services.AddPostgresStorage();
        return services.BuildServiceProvider();
    }
}
