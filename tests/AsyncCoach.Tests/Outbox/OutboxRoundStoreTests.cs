using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Outbox;

/// <summary>
/// The outbox's round against a real SQLite file: the due read is oldest first and can pass over
/// teams whose lanes are busy with a backlog, the batch claim takes each pending row once and returns its
/// payload, and a claimed row that was never handed to Slack can be given back.
/// </summary>
public sealed class OutboxRoundStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private TempSqliteFile _file = null!;
    private OutboxStore _store = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _file = new TempSqliteFile("outbox-round");
        _file.Migrate();
        _store = new OutboxStore(_file.Database, new SqliteGroupCommit(_file.Database));
    }

    [TearDown]
    public void DeleteDatabase() => _file.Dispose();

    [Test]
    public async Task Due_rows_come_oldest_first_and_passing_over_a_busy_team_shows_the_rows_behind_its_backlog()
    {
        // Team A's 300 rows were all enqueued before B's and C's.
        var a = await EnqueueAsync("TA", 300, Now.AddMinutes(-10));
        var b = await EnqueueAsync("TB", 1, Now.AddMinutes(-5));
        var c = await EnqueueAsync("TC", 2, Now.AddMinutes(-4));

        var (first, _) = await _store.DueAsync(Now, 100, [], CancellationToken.None);
        var (passing, _) = await _store.DueAsync(Now, 100, ["TA"], CancellationToken.None);
        var (none, _) = await _store.DueAsync(Now, 100, ["TA", "TB", "TC"], CancellationToken.None);

        Assert.That(first.Select(r => r.Id), Is.EqualTo(a.Take(100)));
        Assert.That(passing.Select(r => (r.Id, r.TeamId, r.Kind)), Is.EqualTo(new[] { (b[0], "TB", "probe"), (c[0], "TC", "probe"), (c[1], "TC", "probe") }));
        Assert.That(none, Is.Empty);
    }

    [Test]
    public async Task A_row_not_due_yet_is_not_read_and_gives_the_next_moment_to_look()
    {
        var due = await EnqueueAsync("TA", 1, Now.AddSeconds(-1));
        await EnqueueAsync("TA", 1, Now.AddSeconds(30));

        var (rows, next) = await _store.DueAsync(Now, 100, [], CancellationToken.None);

        Assert.That(rows.Select(r => r.Id), Is.EqualTo(due));
        Assert.That(next, Is.EqualTo(Now.AddSeconds(30)));
    }

    [Test]
    public async Task The_due_read_and_the_next_due_moment_are_answered_from_the_due_index_alone()
    {
        // A due row's kind and expiry from the table cost a page read per row, on a connection whose
        // cache the group commit's last commit had emptied (0025, issue #17).
        var due = await PlanAsync(OutboxStore.DueSql, ("@Now", StoredInstant.Format(Now)), ("@Busy", "[\"TA\"]"), ("@Limit", 100));
        var next = await PlanAsync(OutboxStore.NextDueSql, ("@Now", StoredInstant.Format(Now)));

        Assert.That(due, Does.Contain("USING COVERING INDEX ix_outbox_due_team"));
        Assert.That(due, Does.Not.Contain("TEMP B-TREE"), "the index gives the order");
        Assert.That(next, Does.Contain("USING COVERING INDEX ix_outbox_due_team"));
    }

    [Test]
    public async Task Due_rows_of_one_moment_and_team_come_in_the_order_they_were_written_whatever_their_kind_and_expiry()
    {
        var ids = new List<long>();
        await using (var write = await _file.Database.BeginWriteAsync(CancellationToken.None))
        {
            // Kinds and expiries that would sort the other way if they came before id in the index.
            foreach (var (kind, expires) in new[] { ("zeta", 3), ("alpha", 2), ("nudge-like", 1) })
            {
                var message = new OutboxMessage(kind, "TA", "U0LEAD0001", kind, "{}", Now.AddHours(expires)) { NotBefore = Now };
                ids.Add((await _store.TryEnqueueAsync(write, message, Now, CancellationToken.None))!.Value);
            }

            await write.CommitAsync(CancellationToken.None);
        }

        var (rows, _) = await _store.DueAsync(Now, 100, [], CancellationToken.None);

        Assert.That(rows.Select(r => (r.Id, r.Kind, r.ExpiresAt)), Is.EqualTo(new[]
        {
            (ids[0], "zeta", Now.AddHours(3)),
            (ids[1], "alpha", Now.AddHours(2)),
            (ids[2], "nudge-like", Now.AddHours(1)),
        }));
    }

    [Test]
    public async Task A_claim_takes_each_pending_row_once_and_returns_its_payload_with_the_attempts_before_it()
    {
        var ids = await EnqueueAsync("TA", 3, Now);

        var claimed = await _store.ClaimAsync(ids, CancellationToken.None);
        var again = await _store.ClaimAsync(ids, CancellationToken.None);

        Assert.That(claimed.Select(r => (r.Id, r.State, r.ContentJson, r.Attempts)).OrderBy(r => r.Id), Is.EqualTo(new[]
        {
            (ids[0], "sending", (string?)"payload 0", 0L),
            (ids[1], "sending", (string?)"payload 1", 0L),
            (ids[2], "sending", (string?)"payload 2", 0L),
        }));
        Assert.That(again, Is.Empty, "a row already claimed is not claimed twice");
        Assert.That(await QueryAsync<(string, long)>("SELECT state, attempts FROM nudges ORDER BY id"), Is.All.EqualTo(("sending", 1L)));
        var (due, _) = await _store.DueAsync(Now, 100, [], CancellationToken.None);
        Assert.That(due, Is.Empty, "claimed rows are not handed out again");
    }

    [Test]
    public async Task A_released_row_is_pending_again_not_before_the_hold_with_its_attempt_not_counted()
    {
        var ids = await EnqueueAsync("TA", 1, Now);
        await _store.ClaimAsync(ids, CancellationToken.None);

        await _store.ReleaseAsync(ids[0], Now.AddSeconds(45), CancellationToken.None);

        var row = (await QueryAsync<(string State, long Attempts, string NextAttemptAt)>(
            "SELECT state, attempts, next_attempt_at FROM nudges")).Single();
        Assert.That((row.State, row.Attempts), Is.EqualTo(("pending", 0L)));
        Assert.That(StoredInstant.Parse(row.NextAttemptAt), Is.EqualTo(Now.AddSeconds(45)));
        Assert.That((await _store.DueAsync(Now.AddSeconds(44), 100, [], CancellationToken.None)).Due, Is.Empty);
        Assert.That((await _store.DueAsync(Now.AddSeconds(45), 100, [], CancellationToken.None)).Due.Select(r => r.Id), Is.EqualTo(ids));
    }

    [Test]
    public async Task Releasing_a_row_that_is_no_longer_claimed_changes_nothing()
    {
        var ids = await EnqueueAsync("TA", 1, Now);
        await _store.ClaimAsync(ids, CancellationToken.None);
        await _store.EndAsync(ids[0], IOutboxStore.Sent, null, "ok", Now, CancellationToken.None);

        await _store.ReleaseAsync(ids[0], Now.AddSeconds(45), CancellationToken.None);

        Assert.That(await QueryAsync<(string, long)>("SELECT state, attempts FROM nudges"), Is.EqualTo(new[] { ("sent", 1L) }));
    }

    [Test]
    public async Task Pooled_connections_keep_their_settings_when_they_are_handed_out_again()
    {
        // The pragmas are set once per native connection: a connection back from the pool still has them.
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await _file.Database.OpenAsync(CancellationToken.None);
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1L));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA secure_delete"), Is.EqualTo(1L));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(5000L));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.EqualTo(0L));
        }
    }

    /// <summary>Enqueues <paramref name="count"/> rows for the team, due at <paramref name="due"/>, one after the other.</summary>
    private async Task<long[]> EnqueueAsync(string team, int count, DateTimeOffset due)
    {
        var ids = new long[count];
        await using var write = await _file.Database.BeginWriteAsync(CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            var message = new OutboxMessage("probe", team, "U0LEAD0001", $"{team}-{i}-{due:O}", $"payload {i}", Now.AddHours(1)) { NotBefore = due };
            ids[i] = (await _store.TryEnqueueAsync(write, message, due, CancellationToken.None))!.Value;
        }

        await write.CommitAsync(CancellationToken.None);
        return ids;
    }

    /// <summary>SQLite's plan for <paramref name="sql"/> (each step's detail, one per line).</summary>
    private async Task<string> PlanAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join('\n', steps);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql)).AsList();
    }
}
