using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

public sealed class PostgresInboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_batch_is_durable_in_one_statement_and_a_retry_is_recognised_at_acknowledgement()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("inbox_batch");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None);
        var store = new PostgresInboxStore(database);

        var first = await store.AddBatchAsync([Entry("Ev1", "C1"), Entry("Ev2", null), Entry("Ev1", "C1")], CancellationToken.None);
        // Slack's retry of Ev2, sent to another instance (another store on the same database).
        var second = await new PostgresInboxStore(database).AddBatchAsync([Entry("Ev2", null), Entry("Ev3", "C2")], CancellationToken.None);

        Assert.That(first, Is.EquivalentTo(new[] { "Ev1", "Ev2" }));
        Assert.That(second, Is.EquivalentTo(new[] { "Ev3" }));
        await using var connection = new NpgsqlConnection(temp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(event_id || ':' || coalesce(channel_id, '-') || ':' || state || ':' || convert_from(payload, 'UTF8'), ' ' ORDER BY id) FROM inbox", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("Ev1:C1:pending:{\"id\":\"Ev1\"} Ev2:-:pending:{\"id\":\"Ev2\"} Ev3:C2:pending:{\"id\":\"Ev3\"}"));
    }

    private static InboxEntry Entry(string eventId, string? channel) =>
        new(eventId, "T1", channel, "message", Now, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));
}
