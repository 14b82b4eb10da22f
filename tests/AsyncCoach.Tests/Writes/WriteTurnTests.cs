using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Writes;

/// <summary>Writers take turns in memory (<see cref="SqliteDatabase.BeginWriteAsync(CancellationToken)"/>), and small writes can share a commit.</summary>
public sealed class WriteTurnTests
{
    private TempSqliteFile _file = null!;
    private SqliteDatabase _database = null!;

    [SetUp]
    public async Task SetUp()
    {
        _file = new TempSqliteFile("writes");
        _database = _file.Database;
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await SqliteDatabase.EnableWalAsync(connection, CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0); CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);");
    }

    [TearDown]
    public void TearDown() => _file.Dispose();

    [Test]
    public async Task Concurrent_read_modify_write_transactions_take_turns_and_lose_no_update()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            await using var write = await _database.BeginWriteAsync(CancellationToken.None);
            var n = await write.Connection.ExecuteScalarAsync<long>("SELECT n FROM counter", transaction: write.Transaction);
            await Task.Yield();
            await write.Connection.ExecuteAsync("UPDATE counter SET n = @N", new { N = n + 1 }, write.Transaction);
            await write.CommitAsync(CancellationToken.None);
        })));

        await using var connection = await _database.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(40));
    }

    [Test]
    public async Task A_write_that_is_not_committed_is_rolled_back_and_the_next_writer_goes_ahead()
    {
        await using (var write = await _database.BeginWriteAsync(CancellationToken.None))
        {
            await write.Connection.ExecuteAsync("UPDATE counter SET n = 99", transaction: write.Transaction);
        }

        await using (var next = await _database.BeginWriteAsync(CancellationToken.None))
        {
            await next.Connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: next.Transaction);
            await next.CommitAsync(CancellationToken.None);
        }

        await using var connection = await _database.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(1));
    }

    [Test]
    public async Task Group_commit_stores_every_concurrent_write_and_fails_only_the_one_that_broke()
    {
        await using var commits = new SqliteGroupCommit(_database);
        var names = Enumerable.Range(0, 30).Select(i => $"item-{i}").Append("item-7").ToList();

        var writes = names.Select(name => commits.RunAsync((connection, transaction) =>
            connection.ExecuteAsync("INSERT INTO items (name) VALUES (@Name)", new { Name = name }, transaction))).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (SqliteException)
            {
                return -1;
            }
        }));

        Assert.That(outcomes.Count(o => o == -1), Is.EqualTo(1), "only the duplicate name fails");
        Assert.That(outcomes.Count(o => o == 1), Is.EqualTo(30));
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"), Is.EqualTo(30));
    }

    [Test]
    public async Task A_batch_written_again_after_a_failing_write_applies_every_other_write_once()
    {
        await using var commits = new SqliteGroupCommit(_database);
        List<Task<int>> writes;

        // Held while the writes queue, so that they are written as one batch when it is released.
        using (await _database.TakeWriteTurnAsync(CancellationToken.None))
        {
            await using (var seed = await _database.OpenAsync(CancellationToken.None))
            {
                await seed.ExecuteAsync("INSERT INTO items (name) VALUES ('taken')");
            }

            writes = [.. Enumerable.Range(0, 20).Select(i => commits.RunAsync((connection, transaction) =>
                connection.ExecuteAsync(i == 10 ? "INSERT INTO items (name) VALUES ('taken')" : "UPDATE counter SET n = n + 1", transaction: transaction)))];
        }

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (SqliteException)
            {
                return -1;
            }
        }));

        Assert.That(outcomes[10], Is.EqualTo(-1), "the duplicate fails");
        Assert.That(outcomes.Where((_, i) => i != 10), Is.All.EqualTo(1));
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT n FROM counter"), Is.EqualTo(19), "the first try was rolled back, not counted twice");
    }
}
