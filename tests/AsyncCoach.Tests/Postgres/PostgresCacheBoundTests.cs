using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Postgres;

public sealed class PostgresCacheBoundTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Another_instance_sees_a_person_settings_change_once_its_cached_copy_is_older_than_the_bound()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("settings_cache");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(database, Start, CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var (writer, reader) = (new PostgresPersonSettingsStore(database, time), new PostgresPersonSettingsStore(database, time));

        Assert.That((await reader.GetAsync("T1", "U1", CancellationToken.None)).OptedOut, Is.False, "read (and cached) before the change");
        await writer.SaveAsync("T1", new PersonSettings("U1", null, null, null, OptedOut: true), CancellationToken.None);

        time.Advance(PostgresPersonSettingsStore.CacheLifetime - TimeSpan.FromSeconds(1));
        Assert.That((await reader.GetAsync("T1", "U1", CancellationToken.None)).OptedOut, Is.False, "within the bound the cached copy may serve");
        Assert.That((await writer.GetAsync("T1", "U1", CancellationToken.None)).OptedOut, Is.True, "the writing instance sees its own change at once");

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await reader.GetAsync("T1", "U1", CancellationToken.None)).OptedOut, Is.True, "past the bound it is read again");
    }
}
