using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Group commit for small, independent writes that arrive concurrently (the outbox sender's
/// bookkeeping: a round's claim, a call ended). Each caller queues its write and waits; whoever
/// finds no flush running starts one, which writes everything queued in one transaction and then
/// completes every waiting caller. A caller's write is durable when its task completes, and one
/// failing write does not undo the others: a batch is written without savepoints first, and only
/// when a write in it fails is it rolled back and written again with each write under its own
/// savepoint (two statements fewer per write in the usual case). Flushes run one at a time on one
/// kept connection whose commands stay compiled (<see cref="PreparedCommands"/>), as the inbox
/// processor's do.
/// </summary>
public sealed class SqliteGroupCommit(SqliteDatabase database) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private List<Entry> _queued = [];
    private bool _flushing;
    private bool _disposed;

    // Only the running flush touches these (one at a time: _flushing).
    private SqliteConnection? _connection;
    private PreparedCommands? _prepared;

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

        // The caller that starts the flush runs it (until it has to wait for the write turn):
        // a hop to the thread pool per flush cost a wake-up and a context switch for every
        // claim and every ended call when messages come one at a time.
        if (start)
        {
            _ = FlushAsync();
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
                    if (_disposed)
                    {
                        Drop();
                    }

                    return;
                }

                batch = _queued;
                _queued = [];
            }

            try
            {
                if (!await TryWriteAsync(batch, isolated: false))
                {
                    await TryWriteAsync(batch, isolated: true);
                }
            }
            catch (Exception ex)
            {
                // The transaction did not commit: nothing in it happened. The connection may be
                // what failed, so the next batch opens another.
                Drop();
                foreach (var entry in batch)
                {
                    entry.Fail(ex);
                }

                continue;
            }

            foreach (var entry in batch)
            {
                entry.Complete();
            }
        }
    }

    /// <summary>
    /// Writes and commits the batch. Not isolated: false (rolled back, nothing failed yet) when a
    /// write threw. Isolated: each write under a savepoint; a failing one fails alone.
    /// </summary>
    private async Task<bool> TryWriteAsync(List<Entry> batch, bool isolated)
    {
        _connection ??= await OpenAsync();
        await using var write = await database.BeginWriteAsync(_connection, CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Failed)
            {
                continue;
            }

            if (!isolated)
            {
                try
                {
                    await batch[i].WriteAsync(write.Connection, write.Transaction);
                    continue;
                }
                catch (Exception)
                {
                    // Disposing the write rolls back the batch; it is written again, isolated.
                    return false;
                }
            }

            var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await write.Transaction.SaveAsync(savepoint);
            try
            {
                await batch[i].WriteAsync(write.Connection, write.Transaction);
                await write.Transaction.ReleaseAsync(savepoint);
            }
            catch (Exception ex)
            {
                await write.Transaction.RollbackAsync(savepoint);
                batch[i].Fail(ex);
            }
        }

        await write.CommitAsync(CancellationToken.None);
        return true;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = await database.OpenAsync(CancellationToken.None);
        _prepared = PreparedCommands.KeepOn(connection);
        return connection;
    }

    private void Drop()
    {
        _prepared?.Dispose();
        _prepared = null;
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Closes the kept connection once no flush runs (a flush still running closes it as it ends).</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            if (!_flushing)
            {
                Drop();
            }
        }

        return ValueTask.CompletedTask;
    }

    private abstract class Entry
    {
        public bool Failed { get; protected set; }

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

        public override void Complete()
        {
            if (!Failed)
            {
                _completion.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception)
        {
            Failed = true;
            _completion.TrySetException(exception);
        }
    }
}
