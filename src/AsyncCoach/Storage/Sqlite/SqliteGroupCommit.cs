using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Group commit for small, independent writes that arrive concurrently (the outbox sender's
/// bookkeeping: a call is about to go out, a call ended). Each caller queues its write and waits;
/// whoever finds no flush running starts one, which writes everything queued in one transaction,
/// each write under its own savepoint so one failing write does not undo the others, and then
/// completes every waiting caller. A caller's write is durable when its task completes.
/// </summary>
public sealed class SqliteGroupCommit(SqliteDatabase database)
{
    private readonly Lock _gate = new();
    private List<Entry> _queued = [];
    private bool _flushing;

    public Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write)
    {
        var entry = new Entry<T>(write);
        bool start;
        lock (_gate)
        {
            _queued.Add(entry);
            start = !_flushing;
            _flushing = true;
        }

        if (start)
        {
            _ = Task.Run(FlushAsync);
        }

        return entry.Task;
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<Entry> batch;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                batch = _queued;
                _queued = [];
            }

            var succeeded = new List<Entry>(batch.Count);
            try
            {
                await using var write = await database.BeginWriteAsync(CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await write.Transaction.SaveAsync(savepoint);
                    try
                    {
                        await batch[i].WriteAsync(write.Connection, write.Transaction);
                        await write.Transaction.ReleaseAsync(savepoint);
                        succeeded.Add(batch[i]);
                    }
                    catch (Exception ex)
                    {
                        await write.Transaction.RollbackAsync(savepoint);
                        batch[i].Fail(ex);
                    }
                }

                await write.CommitAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The transaction did not commit: nothing in it happened.
                foreach (var entry in batch)
                {
                    entry.Fail(ex);
                }

                continue;
            }

            foreach (var entry in succeeded)
            {
                entry.Complete();
            }
        }
    }

    private abstract class Entry
    {
        public abstract Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Entry<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write) : Entry
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await write(connection, transaction);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
