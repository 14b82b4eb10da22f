using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Postgres;

/// <summary>The inbox metrics' backlog on PostgreSQL: the pending rows every instance shares.</summary>
public sealed class PostgresInboxBacklogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_backlog_counts_pending_rows_and_dates_the_oldest_and_an_unreachable_database_keeps_the_last_figure()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("backlog");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None);
        var backlog = new PostgresInboxBacklog(database);

        Assert.That(backlog.Read(), Is.EqualTo(new InboxBacklog(0, null)));

        var store = new PostgresInboxStore(database);
        await store.AddBatchAsync([Entry("Ev1", Now.AddSeconds(-30)), Entry("Ev2", Now.AddSeconds(-5))], CancellationToken.None);

        Assert.That(backlog.Read(), Is.EqualTo(new InboxBacklog(2, Now.AddSeconds(-30))));

        await using var gone = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");
        var unreachable = new PostgresInboxBacklog(gone);
        Assert.That(unreachable.Read(), Is.EqualTo(new InboxBacklog(0, null)), "no figure yet, and no exception out of a metrics collection");
    }

    private static InboxEntry Entry(string eventId, DateTimeOffset receivedAt) =>
        new(eventId, "T1", "C1", "message", receivedAt, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));
}
