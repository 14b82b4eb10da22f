using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// The inbox's group commit with PostgreSQL behind it: an event is acknowledged only once its
/// batch's insert is committed, retries add nothing, and a database that cannot take the batch
/// fails exactly its requests (the endpoint answers 503 and Slack retries).
/// </summary>
public sealed class PostgresAcknowledgementTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Acknowledged_events_are_committed_rows_and_a_retry_in_the_same_or_a_later_batch_adds_none()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("ack");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None);
        var readiness = new DatabaseReadiness();
        readiness.SetMigrated();
        using var writer = new InboxWriter(new PostgresInboxAppender(new PostgresInboxStore(database), readiness), new InboxSignal(), NullLogger<InboxWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => writer.AddAsync(Entry($"Ev{i % 40}"), CancellationToken.None))).WaitAsync(Patience);
        await writer.AddAsync(Entry("Ev7"), CancellationToken.None).WaitAsync(Patience);
        await writer.StopAsync(CancellationToken.None);

        // Read by another connection: committed, not just written on the writer's.
        await using var connection = new NpgsqlConnection(temp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT event_id), bool_and(state = 'pending') FROM inbox", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That((reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)), Is.EqualTo((40L, 40L, true)));
    }

    [Test]
    public async Task When_the_database_cannot_be_reached_the_batch_fails_and_nothing_is_acknowledged()
    {
        await using var nowhere = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");
        var readiness = new DatabaseReadiness();
        readiness.SetMigrated();
        using var writer = new InboxWriter(new PostgresInboxAppender(new PostgresInboxStore(nowhere), readiness), new InboxSignal(), NullLogger<InboxWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var acknowledged = writer.AddAsync(Entry("Ev1"), CancellationToken.None);

        Assert.That(async () => await acknowledged.WaitAsync(Patience), Throws.InstanceOf<IOException>());
        await writer.StopAsync(CancellationToken.None);
    }

    private static InboxEntry Entry(string eventId) =>
        new(eventId, "T1", "C1", "message", Now, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));
}
