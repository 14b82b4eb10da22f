using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// Several instances (each its own data source and stores) on one PostgreSQL database: any of them
/// acknowledges, one at a time processes (the processing lock), and a dead one's turn passes on.
/// </summary>
public sealed class PostgresProcessingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private TempPostgresDatabase? _temp;
    private readonly List<PostgresDatabase> _instances = [];

    [SetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetAsync();
        _temp = await server.CreateDatabaseAsync("processing");
        await PostgresMigrator.MigrateAsync(Instance(), Now, None);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    [Test]
    public async Task Events_acknowledged_by_two_instances_are_pending_rows_once_each_in_arrival_order()
    {
        var (first, second) = (Instance(), Instance());
        var readiness = new DatabaseReadiness();
        readiness.SetMigrated();

        await new PostgresInboxAppender(new PostgresInboxStore(first), readiness).AppendAsync([Entry("Ev1"), Entry("Ev2")], None);
        // Slack's retry of Ev2 goes to the other instance, with a new event.
        await new PostgresInboxAppender(new PostgresInboxStore(second), readiness).AppendAsync([Entry("Ev2"), Entry("Ev3")], None);

        var storage = new PostgresStorage(first);
        using var session = await storage.OpenSessionAsync(None);
        var rows = await new PostgresInboxStore(first).ClaimPendingAsync(session, 10, None);
        Assert.That(rows.Select(r => (r.EventId, r.Attempts, Encoding.UTF8.GetString(r.Payload!))), Is.EqualTo(new[]
        {
            ("Ev1", 0L, "{\"id\":\"Ev1\"}"), ("Ev2", 0L, "{\"id\":\"Ev2\"}"), ("Ev3", 0L, "{\"id\":\"Ev3\"}"),
        }));
    }

    [Test]
    public async Task Only_one_instance_claims_at_a_time_and_another_takes_over_when_its_session_ends()
    {
        var (first, second) = (Instance(), Instance());
        await new PostgresInboxStore(first).AddBatchAsync([Entry("Ev1"), Entry("Ev2")], None);
        var firstSession = await new PostgresStorage(first).OpenSessionAsync(None);
        using var secondSession = await new PostgresStorage(second).OpenSessionAsync(None);

        var claimedByFirst = await new PostgresInboxStore(first).ClaimPendingAsync(firstSession, 10, None);
        var claimedBySecond = await new PostgresInboxStore(second).ClaimPendingAsync(secondSession, 10, None);
        firstSession.Dispose();
        var afterTakeOver = await new PostgresInboxStore(second).ClaimPendingAsync(secondSession, 10, None);

        Assert.That(claimedByFirst.Select(r => r.EventId), Is.EqualTo(new[] { "Ev1", "Ev2" }));
        Assert.That(claimedBySecond, Is.Empty);
        Assert.That(afterTakeOver.Select(r => r.EventId), Is.EqualTo(new[] { "Ev1", "Ev2" }));
    }

    [Test]
    public async Task An_instance_whose_connection_died_cannot_commit_its_round_and_the_next_finishes_the_work_once()
    {
        var (first, second) = (Instance(), Instance());
        var (firstInbox, secondInbox) = (new PostgresInboxStore(first), new PostgresInboxStore(second));
        await firstInbox.AddBatchAsync([Entry("Ev1")], None);
        using var firstSession = await new PostgresStorage(first).OpenSessionAsync(None);
        using var secondSession = await new PostgresStorage(second).OpenSessionAsync(None);
        var claimed = await firstInbox.ClaimPendingAsync(firstSession, 10, None);

        // The first instance's connection ends (its process was killed, or the network cut it); the
        // server has ended the backend, and with it the lock, when this returns.
        await KillAsync(((PostgresSession)firstSession).Connection.ProcessID);
        Assert.That(async () =>
        {
            await using var round = await firstSession.BeginRoundAsync(None);
            await firstInbox.CompleteAsync(round, [new InboxOutcome(claimed[0].Id, null)], Now, None);
            await round.CommitAsync(None);
        }, Throws.InstanceOf<NpgsqlException>().Or.InstanceOf<InvalidOperationException>());

        var taken = await secondInbox.ClaimPendingAsync(secondSession, 10, None);
        await using (var round = await secondSession.BeginRoundAsync(None))
        {
            await secondInbox.CompleteAsync(round, [new InboxOutcome(taken[0].Id, null)], Now, None);
            await round.CommitAsync(None);
        }

        Assert.That(taken.Select(r => r.Id), Is.EqualTo(claimed.Select(r => r.Id)));
        Assert.That(await secondInbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1 }));
    }

    [Test]
    public async Task Readiness_names_the_server_when_it_cannot_be_reached()
    {
        await using var nowhere = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");

        var problem = await new PostgresStorage(nowhere).CheckReadyAsync(None);

        Assert.That(problem?.Title, Is.EqualTo("database unreachable"));
        Assert.That(problem?.Detail, Does.StartWith("PostgreSQL 127.0.0.1:1/none: "));
    }

    private PostgresDatabase Instance()
    {
        var database = new PostgresDatabase(_temp!.ConnectionString);
        _instances.Add(database);
        return database;
    }

    private async Task KillAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(_temp!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@Pid, 10000)", connection);
        command.Parameters.AddWithValue("Pid", processId);
        Assert.That(await command.ExecuteScalarAsync(), Is.True);
    }

    private static InboxEntry Entry(string eventId) =>
        new(eventId, "T1", "C1", "message", Now, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));
}
