using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Writes;

/// <summary>
/// <see cref="SqliteGroupCommit.RunSoonAsync{T}"/>: while rounds are committing, a queued write
/// joins the next round's commit instead of a commit of its own; with no rounds, writes that come
/// as a stream share one; each is durable when it completes.
/// </summary>
public sealed class GroupCommitJoinTests
{
    // Long enough that no write is flushed on its own while a test runs: only a round takes it.
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private TempSqliteFile _file = null!;
    private SqliteDatabase _database = null!;
    private SqliteConnection _session = null!;

    [SetUp]
    public async Task SetUp()
    {
        _file = new TempSqliteFile("joins");
        _database = _file.Database;
        _session = await _database.OpenAsync(CancellationToken.None);
        await SqliteDatabase.EnableWalAsync(_session, CancellationToken.None);
        await _session.ExecuteAsync("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0); CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);");
    }

    [TearDown]
    public void TearDown()
    {
        _session.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task A_write_queued_while_rounds_commit_is_written_by_the_next_rounds_commit()
    {
        await using var commits = new SqliteGroupCommit(_database, Window);
        await RoundAsync(commits, "first");

        SqliteConnection? ranOn = null;
        var write = commits.RunSoonAsync((connection, transaction) =>
        {
            ranOn = connection;
            return connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction);
        });
        Assert.That(write.IsCompleted, Is.False, "waits for a commit to join");

        await RoundAsync(commits, "second");

        Assert.That(await write.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(ranOn, Is.SameAs(_session), "written in the round's transaction");
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1));
        Assert.That(await _session.QueryAsync<string>("SELECT name FROM items ORDER BY id"), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public async Task A_joined_write_that_fails_leaves_the_round_whole_and_fails_alone_in_a_flush_of_its_own()
    {
        await using var commits = new SqliteGroupCommit(_database, Window);
        await RoundAsync(commits, "taken");
        var failing = commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("INSERT INTO items (name) VALUES ('taken')", transaction: transaction));
        var counting = commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));

        await RoundAsync(commits, "round");

        Assert.That(async () => await failing.WaitAsync(TimeSpan.FromSeconds(15)), Throws.InstanceOf<SqliteException>());
        Assert.That(await counting.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1), "written once, by the flush");
        Assert.That(await _session.QueryAsync<string>("SELECT name FROM items ORDER BY id"), Is.EqualTo(new[] { "taken", "round" }));
    }

    [Test]
    public async Task With_no_round_lately_a_write_is_flushed_at_once()
    {
        await using var commits = new SqliteGroupCommit(_database, TimeSpan.Zero);

        var write = commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));

        Assert.That(await write.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_queued_write_no_round_takes_is_flushed_on_its_own_once_the_window_has_passed()
    {
        var time = new FakeTimeProvider();
        await using var commits = new SqliteGroupCommit(_database, TimeSpan.FromMilliseconds(20), time);
        await RoundAsync(commits, "first");

        SqliteConnection? ranOn = null;
        var write = commits.RunSoonAsync((connection, transaction) =>
        {
            ranOn = connection;
            return connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction);
        });
        time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.That(write.IsCompleted, Is.False, "still waiting for a round to join");

        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await write.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(ranOn, Is.Not.Null.And.Not.SameAs(_session), "a flush of its own, on the group commit's connection");
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1));
    }

    [Test]
    public async Task After_a_round_took_the_queue_the_next_queued_write_still_gets_its_fallback()
    {
        var time = new FakeTimeProvider();
        await using var commits = new SqliteGroupCommit(_database, TimeSpan.FromMilliseconds(20), time);
        await RoundAsync(commits, "first");
        var joined = commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));
        await RoundAsync(commits, "second");
        Assert.That(await joined.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1), "taken by the round, which disarmed the fallback");

        time.Advance(TimeSpan.FromMilliseconds(10));
        var later = commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 10", transaction: transaction));
        time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.That(later.IsCompleted, Is.False, "armed afresh: the whole window from when it was queued");
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await later.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(11), "each written once");
    }

    [Test]
    public async Task With_no_rounds_writes_that_come_as_a_stream_share_one_commit_after_the_window()
    {
        var time = new FakeTimeProvider();
        await using var commits = new SqliteGroupCommit(_database, TimeSpan.FromMilliseconds(20), time);
        var transactions = new List<SqliteTransaction>();
        Task<int> Increment() => commits.RunSoonAsync((connection, transaction) =>
        {
            transactions.Add(transaction);
            return connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction);
        });

        Assert.That(await Increment().WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1), "the first of a stream is flushed at once");
        time.Advance(TimeSpan.FromMilliseconds(5));
        var second = Increment();
        var third = Increment();
        time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.That(second.IsCompleted || third.IsCompleted, Is.False, "gathering for the window");
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(transactions, Has.Count.EqualTo(3));
        Assert.That(transactions[2], Is.SameAs(transactions[1]), "one commit for the two");
        Assert.That(transactions[1], Is.Not.SameAs(transactions[0]));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(3));
    }

    [Test]
    public async Task With_no_rounds_a_write_after_a_quiet_window_is_flushed_at_once()
    {
        var time = new FakeTimeProvider();
        await using var commits = new SqliteGroupCommit(_database, TimeSpan.FromMilliseconds(20), time);
        Task<int> Increment() => commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));
        await Increment().WaitAsync(TimeSpan.FromSeconds(15));

        time.Advance(TimeSpan.FromMilliseconds(21));

        Assert.That(await Increment().WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1), "not waiting: the time does not move on");
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_stream_is_flushed_without_waiting_out_the_window_once_enough_writes_gathered()
    {
        var time = new FakeTimeProvider();
        await using var commits = new SqliteGroupCommit(_database, TimeSpan.FromMinutes(5), time);
        Task<int> Increment() => commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));
        await Increment().WaitAsync(TimeSpan.FromSeconds(15));

        var gathered = Enumerable.Range(0, SqliteGroupCommit.MaxGathered - 1).Select(_ => Increment()).ToList();
        Assert.That(gathered.Any(w => w.IsCompleted), Is.False, "fewer than enough: waiting");
        gathered.Add(Increment());

        await Task.WhenAll(gathered).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1 + SqliteGroupCommit.MaxGathered));
    }

    [Test]
    public async Task Writes_still_waiting_for_a_round_when_the_group_commit_is_disposed_are_flushed_not_dropped()
    {
        var time = new FakeTimeProvider();
        var commits = new SqliteGroupCommit(_database, TimeSpan.FromMinutes(5), time);
        await RoundAsync(commits, "first");
        var write = commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));
        Assert.That(write.IsCompleted, Is.False);

        await commits.DisposeAsync();

        Assert.That(await write.WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_write_that_would_wait_after_the_group_commit_is_disposed_is_flushed_at_once()
    {
        var time = new FakeTimeProvider();
        var commits = new SqliteGroupCommit(_database, TimeSpan.FromMinutes(5), time);
        Task<int> Increment() => commits.RunSoonAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction));
        await Increment().WaitAsync(TimeSpan.FromSeconds(15));
        await commits.DisposeAsync();

        // Within the window of the last one (a stream), so before disposal it would have waited
        // for a timer that no longer exists.
        Assert.That(await Increment().WaitAsync(TimeSpan.FromSeconds(15)), Is.EqualTo(1));
        Assert.That(await _session.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(2));
    }

    // An inbox round on the kept session connection: one item, committed with what it takes in.
    private async Task RoundAsync(SqliteGroupCommit commits, string name)
    {
        await using var round = await _database.BeginWriteAsync(_session, commits, CancellationToken.None);
        await round.Connection.ExecuteAsync("INSERT INTO items (name) VALUES (@Name)", new { Name = name }, round.Transaction);
        await round.CommitAsync(CancellationToken.None);
    }
}
