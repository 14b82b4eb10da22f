using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Writes;

/// <summary>
/// The write-ahead log must start over now and then, or it grows for as long as writes keep
/// coming. That needs a checkpoint that copies the whole log, which the final pass guarantees by
/// holding the write turn.
/// </summary>
public sealed class WalCheckpointTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private TempSqliteFile _file = null!;
    private SqliteDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _file = new TempSqliteFile("wal");
        _database = _file.Database;
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await SqliteDatabase.EnableWalAsync(connection, CancellationToken.None);
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)";
        await create.ExecuteNonQueryAsync();
    }

    [TearDown]
    public void DeleteDatabase() => _file.Dispose();

    [Test]
    public async Task A_checkpoint_completes_while_writes_keep_coming()
    {
        using var stop = new CancellationTokenSource();
        var writes = WriteUntilStoppedAsync(stop.Token);
        await writes.FirstCommits.Task.WaitAsync(Deadline);

        var results = new List<WalCheckpoint>();
        var lockBusy = 0;
        for (var i = 0; i < 20; i++)
        {
            var result = await WalCheckpointer.CheckpointAsync(_database, restartAtFrames: 0, CancellationToken.None).WaitAsync(Deadline);

            // -1 / -1 busy is SQLite's "another connection holds the checkpoint lock" (a pooled
            // connection's own checkpoint): the pass did not run at all, so it is not a checkpoint
            // that fell behind the writes; the service's next interval retries it, and so does this.
            while (result is { Busy: true, LogFrames: -1 } && lockBusy < 3)
            {
                lockBusy++;
                result = await WalCheckpointer.CheckpointAsync(_database, restartAtFrames: 0, CancellationToken.None).WaitAsync(Deadline);
            }

            results.Add(result);
        }

        await stop.CancelAsync();
        var committed = await writes.Done.WaitAsync(Deadline);

        Assert.That(committed, Is.GreaterThan(20), "the writer kept committing while the checkpoints ran");
        Assert.That(results, Has.All.Matches<WalCheckpoint>(r => r.Complete),
            $"{lockBusy} retried on the lock; " + string.Join(", ", results.Select(r => $"{r.LogFrames}/{r.CheckpointedFrames}{(r.Busy ? " busy" : "")}")));
    }

    [Test]
    public async Task After_a_checkpoint_the_next_commit_starts_the_log_over()
    {
        for (var i = 0; i < 200; i++)
        {
            await InsertAsync();
        }

        var before = await WalCheckpointer.CheckpointAsync(_database, restartAtFrames: 0, CancellationToken.None);
        await InsertAsync();
        var after = await WalCheckpointer.CheckpointAsync(_database, restartAtFrames: 0, CancellationToken.None);

        Assert.That(before.LogFrames, Is.GreaterThan(200), "two hundred commits, each at least one frame");
        Assert.That(after.LogFrames, Is.LessThan(10), "one commit's frames, at the start of a new log");
    }

    [Test]
    public async Task Below_the_restart_size_a_checkpoint_never_waits_for_the_write_turn()
    {
        await InsertAsync();

        // Writers are held for the final pass only; a small log is left to passive passes.
        using (await _database.TakeWriteTurnAsync(CancellationToken.None))
        {
            var result = await WalCheckpointer.CheckpointAsync(_database, WalCheckpointer.RestartAtFrames, CancellationToken.None)
                .WaitAsync(Deadline);
            Assert.That(result.LogFrames, Is.LessThan(WalCheckpointer.RestartAtFrames));
        }
    }

    private async Task InsertAsync()
    {
        await using var write = await _database.BeginWriteAsync(CancellationToken.None);
        await using var insert = write.Connection.CreateCommand();
        insert.Transaction = write.Transaction;
        insert.CommandText = "INSERT INTO t (body) VALUES (zeroblob(600))";
        await insert.ExecuteNonQueryAsync();
        await write.CommitAsync(CancellationToken.None);
    }

    private Writer WriteUntilStoppedAsync(CancellationToken stop)
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new Writer(first, Task.Run(async () =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                await InsertAsync();
                if (++count == 5)
                {
                    first.TrySetResult();
                }
            }

            return count;
        }, CancellationToken.None));
    }

    private sealed record Writer(TaskCompletionSource FirstCommits, Task<int> Done);
}
