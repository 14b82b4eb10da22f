using System.Text;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Inbox;

/// <summary>
/// What a round claims from the inbox, on a real SQLite file: pending rows only, in arrival
/// order, every column as stored. Run on a pooled connection and on a kept one with the claim
/// compiled (the processor's), which must read the same, round after round, without holding on
/// to what it read.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
public sealed class InboxClaimTests(bool keptConnection)
{
    private static readonly DateTimeOffset CompletedAt = new(2026, 3, 10, 9, 5, 0, TimeSpan.Zero);

    private TempSqliteFile _file = null!;
    private SqliteSession _session = null!;
    private InboxStore _store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _file = new TempSqliteFile("inbox-claim");
        _file.Migrate();
        _session = new SqliteSession(_file.Database, await _file.Database.OpenAsync(CancellationToken.None), keepCommands: keptConnection);
        _store = new InboxStore(_file.Database);
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _session.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task Claims_pending_rows_in_arrival_order_with_every_column()
    {
        await AddAsync("Ev1", channel: "C1", payload: "{\"a\":1}");
        await AddAsync("Ev2", channel: null, payload: "{\"b\":2}");
        await AddAsync("Ev3", channel: "C1", payload: null, state: "done");
        await AddAsync("Ev4", channel: "C2", payload: "{\"d\":4}", attempts: 2);

        var rows = await _store.ClaimPendingAsync(_session, 10, CancellationToken.None);

        Assert.That(rows.Select(r => r.EventId), Is.EqualTo(new[] { "Ev1", "Ev2", "Ev4" }));
        Assert.That(rows.Select(r => r.Id), Is.Ordered.Ascending);
        var first = rows[0];
        Assert.That((first.TeamId, first.ChannelId, first.EventType), Is.EqualTo(("T0001", "C1", "message")));
        Assert.That(Encoding.UTF8.GetString(first.Payload!), Is.EqualTo("{\"a\":1}"));
        Assert.That(rows[1].ChannelId, Is.Null);
        Assert.That((rows[2].Attempts, rows[0].Attempts), Is.EqualTo((2L, 0L)));
    }

    [Test]
    public async Task Claims_at_most_the_limit()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddAsync($"Ev{i}", channel: "C1", payload: "{}");
        }

        var rows = await _store.ClaimPendingAsync(_session, 3, CancellationToken.None);

        Assert.That(rows.Select(r => r.EventId), Is.EqualTo(new[] { "Ev0", "Ev1", "Ev2" }));
    }

    [Test]
    public async Task A_later_round_sees_rows_that_arrived_and_rows_that_were_done_since()
    {
        await AddAsync("Ev1", channel: "C1", payload: "{}");
        Assert.That((await _store.ClaimPendingAsync(_session, 10, CancellationToken.None)).Select(r => r.EventId), Is.EqualTo(new[] { "Ev1" }));

        await TestDatabase.ExecuteAsync(_file.Path, "UPDATE inbox SET state = 'done', payload = NULL WHERE event_id = 'Ev1'");
        await AddAsync("Ev2", channel: "C1", payload: "{}");

        var rows = await _store.ClaimPendingAsync(_session, 10, CancellationToken.None);
        Assert.That(rows.Select(r => r.EventId), Is.EqualTo(new[] { "Ev2" }));
    }

    [Test]
    public async Task A_claim_does_not_keep_the_log_from_being_checkpointed()
    {
        await AddAsync("Ev1", channel: "C1", payload: "{}");
        await _store.ClaimPendingAsync(_session, 10, CancellationToken.None);

        // A read left open would hold its snapshot, and a truncating checkpoint could not finish.
        await using var other = new SqliteConnection($"Data Source={_file.Path}");
        await other.OpenAsync();
        var (busy, _, _) = await other.QuerySingleAsync<(long, long, long)>("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.That(busy, Is.Zero);
    }

    [Test]
    public async Task A_round_with_every_row_done_marks_exactly_the_claimed_rows()
    {
        await AddAsync("Ev1", channel: "C1", payload: "{}");
        await AddAsync("Ev2", channel: "C1", payload: null, state: "done");
        await AddAsync("Ev3", channel: "C2", payload: "{}", attempts: 1);
        await AddAsync("Ev4", channel: "C1", payload: "{}");
        await AddAsync("Ev5", channel: "C1", payload: "{}");
        var rows = await _store.ClaimPendingAsync(_session, 3, CancellationToken.None);
        await TestDatabase.ExecuteAsync(_file.Path, "UPDATE inbox SET processed_at = 'earlier' WHERE event_id = 'Ev2'");
        await AddAsync("Ev6", channel: "C1", payload: "{}");

        await CompleteAsync(rows.Select(r => new InboxOutcome(r.Id, null)).ToList());

        var at = StoredInstant.Format(CompletedAt);
        var states = await StatesAsync();
        Assert.That(states, Is.EqualTo(new[]
        {
            ("Ev1", "done", false, at),
            ("Ev2", "done", false, "earlier"),
            ("Ev3", "done", false, at),
            ("Ev4", "done", false, at),
            ("Ev5", "pending", true, (string?)null),
            ("Ev6", "pending", true, (string?)null),
        }));
    }

    [Test]
    public async Task A_round_with_a_failure_marks_each_row_by_its_own_outcome()
    {
        await AddAsync("Ev1", channel: "C1", payload: "{}");
        await AddAsync("Ev2", channel: "C1", payload: "{}");
        await AddAsync("Ev3", channel: "C1", payload: "{}");
        var rows = await _store.ClaimPendingAsync(_session, 10, CancellationToken.None);

        await CompleteAsync([new InboxOutcome(rows[0].Id, null), new InboxOutcome(rows[1].Id, "Boom: no"), new InboxOutcome(rows[2].Id, null)]);

        var states = await StatesAsync();
        Assert.That(states.Select(s => (s.EventId, s.State, s.HasPayload)), Is.EqualTo(new[]
        {
            ("Ev1", "done", false),
            ("Ev2", "pending", true),
            ("Ev3", "done", false),
        }));
        Assert.That(await TestDatabase.ScalarAsync<long>(_file.Path, "SELECT attempts FROM inbox WHERE event_id = 'Ev2'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Outcomes_that_are_not_the_claimed_rows_are_refused_and_nothing_is_marked()
    {
        await AddAsync("Ev1", channel: "C1", payload: "{}");
        await AddAsync("Ev2", channel: "C1", payload: "{}");
        await AddAsync("Ev3", channel: "C1", payload: "{}");
        var rows = await _store.ClaimPendingAsync(_session, 10, CancellationToken.None);

        // Ev2 left out: its row lies between the first and last, still pending.
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => CompleteAsync([new InboxOutcome(rows[0].Id, null), new InboxOutcome(rows[2].Id, null)]));

        Assert.That(ex!.Message, Does.Contain("changed 3 rows, not the 2 claimed"));
        Assert.That((await StatesAsync()).Select(s => s.State), Is.All.EqualTo("pending"));
    }

    private async Task CompleteAsync(IReadOnlyList<InboxOutcome> outcomes)
    {
        await using var round = await _session.BeginRoundAsync(CancellationToken.None);
        await _store.CompleteAsync(round, outcomes, CompletedAt, CancellationToken.None);
        await round.CommitAsync(CancellationToken.None);
    }

    private async Task<List<(string EventId, string State, bool HasPayload, string? ProcessedAt)>> StatesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync();
        var rows = await connection.QueryAsync<(string, string, long, string?)>(
            "SELECT event_id, state, payload IS NOT NULL, processed_at FROM inbox ORDER BY id");
        return [.. rows.Select(r => (r.Item1, r.Item2, r.Item3 == 1, r.Item4))];
    }

    private async Task AddAsync(string eventId, string? channel, string? payload, string state = "pending", long attempts = 0)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, payload, state, attempts)
            VALUES (@EventId, 'T0001', @Channel, 'message', '2026-03-10T09:00:00.000Z', @Payload, @State, @Attempts)
            """,
            new { EventId = eventId, Channel = channel, Payload = payload is null ? null : Encoding.UTF8.GetBytes(payload), State = state, Attempts = attempts });
    }
}
