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
/// processor's do. A write that may wait a little (<see cref="RunSoonAsync{T}"/>: a call's end)
/// is not a commit of its own when another commit comes soon: the inbox round's transaction takes
/// what is queued (<see cref="Join"/>) and writes it before its own commit, so under a trickle of
/// nudges the row's end does not make the inbox connection re-read its pages after another
/// connection's commit; only if no round comes within <see cref="JoinWindow"/> is it flushed here,
/// with the others of its kind that came meanwhile.
/// </summary>
/// <param name="database">The file.</param>
/// <param name="joinWindow">Instead of <see cref="JoinWindow"/> (tests).</param>
/// <param name="time">The clock of the join window (tests); the service runs it on real time, whatever its TimeProvider.</param>
public sealed class SqliteGroupCommit(SqliteDatabase database, TimeSpan? joinWindow = null, TimeProvider? time = null) : IAsyncDisposable
{
    /// <summary>How long a <see cref="RunSoonAsync{T}"/> write waits for a commit to join before it is flushed on its own.</summary>
    public static readonly TimeSpan JoinWindow = TimeSpan.FromMilliseconds(20);

    private readonly TimeSpan _joinWindow = joinWindow ?? JoinWindow;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly Lock _gate = new();
    private List<Entry> _queued = [];
    private bool _flushing;
    private bool _disposed;

    // The join window's fallback: armed when a RunSoonAsync write is queued with no flush running,
    // disarmed when a round or a flush takes the queue. One timer for the group commit's life, so
    // under a trickle (a round joins within milliseconds) it never fires: a Task.Delay armed per
    // window fired even when a round had taken the writes, a timer-thread and a thread-pool
    // wake-up for a flush with nothing left.
    private ITimer? _joinTimer;
    private bool _timed;

    // When a transaction last offered to take queued writes (Join), a timestamp of _time; 0: never.
    private long _lastJoinOffer;

    // When the last RunSoonAsync write came, a timestamp of _time; 0: never. Another one within
    // the window means they come as a stream (the sender's calls ending one after another).
    private long _lastSoonWrite;

    /// <summary>Writes that wait for a commit to join are flushed at once when this many are queued.</summary>
    internal const int MaxGathered = 64;

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

    /// <summary>
    /// As <see cref="RunAsync{T}"/>, but while inbox rounds are committing (one offered to take
    /// queued writes within the last <see cref="JoinWindow"/>) or such writes come as a stream
    /// (the previous one came within that window: the sender's calls ending one after another),
    /// the write waits up to that long for a commit that happens anyway (the next round's, or a
    /// flush of what gathered meanwhile, at once when <see cref="MaxGathered"/> have) instead of
    /// starting one: one commit for many ended calls, not one for every two (issue #17). A lone
    /// write, with no rounds coming, is flushed at once. Durable when its task completes.
    /// </summary>
    public Task<T> RunSoonAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write)
    {
        var now = _time.GetTimestamp();
        var lastOffer = Volatile.Read(ref _lastJoinOffer);
        var lastSoon = Interlocked.Exchange(ref _lastSoonWrite, Math.Max(1, now));
        var roundsComing = lastOffer != 0 && _time.GetElapsedTime(lastOffer, now) <= _joinWindow;
        var streaming = lastSoon != 0 && _time.GetElapsedTime(lastSoon, now) <= _joinWindow;
        if (!roundsComing && !streaming)
        {
            return RunAsync(write);
        }

        var entry = new Entry<T>(write);
        var start = false;
        lock (_gate)
        {
            _queued.Add(entry);
            if (!_flushing && (_disposed || _queued.Count >= MaxGathered))
            {
                // Enough to be worth a commit, or no timer left to flush it later (disposed): no
                // need to wait out the window.
                DisarmLocked();
                _flushing = start = true;
            }
            else if (!_flushing && !_timed && !_disposed)
            {
                // Timer.Change under the gate: the callback takes the gate only on a pool thread,
                // never while the timer queue's lock is held, so the order cannot deadlock.
                _timed = true;
                JoinTimerLocked().Change(_joinWindow, Timeout.InfiniteTimeSpan);
            }
        }

        if (start)
        {
            _ = FlushAsync();
        }

        return entry.Task;
    }

    private ITimer JoinTimerLocked()
    {
        if (_joinTimer is null)
        {
            // No ExecutionContext captured: the flush it starts belongs to no caller's trace.
            using (ExecutionContext.SuppressFlow())
            {
                _joinTimer = _time.CreateTimer(static state => ((SqliteGroupCommit)state!).JoinWindowElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        return _joinTimer;
    }

    // Nothing is queued any more, or a flush or a round took it: the fallback is not needed.
    private void DisarmLocked()
    {
        if (_timed)
        {
            _timed = false;
            _joinTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void JoinWindowElapsed()
    {
        lock (_gate)
        {
            if (!_timed)
            {
                // Disarmed after the timer had already fired: a round took the writes.
                return;
            }

            _timed = false;
            if (_flushing || _queued.Count == 0)
            {
                return;
            }

            _flushing = true;
        }

        _ = FlushAsync();
    }

    /// <summary>
    /// Called by a transaction about to commit (the inbox round's, holding the write turn): writes
    /// what is queued, if no flush is running, into it under one savepoint. Null when there was
    /// nothing to take, or the writes failed (rolled back to the savepoint and flushed here as
    /// usual). Tell the result how the commit went.
    /// </summary>
    internal async Task<JoinedWrites?> Join(SqliteConnection connection, SqliteTransaction transaction)
    {
        List<Entry> batch;
        Volatile.Write(ref _lastJoinOffer, Math.Max(1, _time.GetTimestamp()));
        lock (_gate)
        {
            if (_flushing || _queued.Count == 0)
            {
                return null;
            }

            batch = _queued;
            _queued = [];
            DisarmLocked();
        }

        await transaction.SaveAsync("joined");
        try
        {
            foreach (var entry in batch)
            {
                await entry.WriteAsync(connection, transaction);
            }

            await transaction.ReleaseAsync("joined");
            return new JoinedWrites(this, batch);
        }
        catch (Exception)
        {
            await transaction.RollbackAsync("joined");
            await transaction.ReleaseAsync("joined");
            Requeue(batch);
            return null;
        }
    }

    // Written again by a flush of their own: their commit did not happen.
    private void Requeue(List<Entry> batch)
    {
        bool start;
        lock (_gate)
        {
            _queued.InsertRange(0, batch);
            start = !_flushing;
            _flushing = true;
        }

        if (start)
        {
            _ = FlushAsync();
        }
    }

    /// <summary>Writes a commit took in (<see cref="Join"/>): completed once it committed, written again if it did not.</summary>
    internal sealed class JoinedWrites(SqliteGroupCommit owner, List<Entry> batch)
    {
        public void Committed()
        {
            foreach (var entry in batch)
            {
                entry.Complete();
            }
        }

        public void NotCommitted() => owner.Requeue(batch);
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
                DisarmLocked();
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
        bool flush;
        lock (_gate)
        {
            _disposed = true;
            _timed = false;
            _joinTimer?.Dispose();
            // Writes still waiting for a round to join are flushed now, not dropped with the timer.
            flush = !_flushing && _queued.Count > 0;
            _flushing |= flush;
            if (!_flushing)
            {
                Drop();
            }
        }

        if (flush)
        {
            _ = FlushAsync();
        }

        return ValueTask.CompletedTask;
    }

    internal abstract class Entry
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
