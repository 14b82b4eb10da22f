using AsyncCoach.Installations;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Postgres;

public sealed class PostgresKeyRingTests
{
    [Test]
    public async Task A_token_encrypted_by_one_instance_is_decrypted_by_another_sharing_only_the_database()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("key_ring");
        await using (var database = new PostgresDatabase(temp.ConnectionString))
        {
            await PostgresMigrator.MigrateAsync(database, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        await using var first = Instance(temp.ConnectionString);
        await using var second = Instance(temp.ConnectionString);

        var stored = first.GetRequiredService<ITokenProtector>().Protect("xoxb-secret");

        Assert.That(stored, Does.Not.Contain("xoxb-secret"));
        Assert.That(second.GetRequiredService<ITokenProtector>().Unprotect(stored), Is.EqualTo("xoxb-secret"));
    }

    private static ServiceProvider Instance(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<StorageOptions>().Configure(o => (o.Provider, o.ConnectionString) = ("postgres", connectionString));
        services.AddDataProtection().SetApplicationName("AsyncCoach");
        services.AddPostgresStorage();
        services.AddSingleton<ITokenProtector, DataProtectionTokenProtector>();
        return services.BuildServiceProvider();
    }
}
