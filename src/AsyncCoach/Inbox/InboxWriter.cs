using System.Diagnostics;
using AsyncCoach.Observability;

namespace AsyncCoach.Inbox;

/// <summary>
/// Group commit for the inbox. A request that finds no write going on writes its own event at once,
/// on its own thread, together with whatever queued meanwhile, and answers as soon as that is
/// durable; requests that arrive while a write goes on queue, and the next write takes them all
/// (<see cref="IInboxAppender"/>: the <see cref="InboxJournal"/> with SQLite, synced too with
/// <c>Storage:Synchronous=Full</c>; one multi-row insert with PostgreSQL). Under load, batches
/// grow and each write is shared; a lone event costs no thread hand-over. An event is
/// acknowledged only after its batch is durable.
/// </summary>
/// <remarks>
/// Why the request writes (issue #17, docs/decisions.md): a writer loop of its own cost every lone
/// event two hand-overs through the thread pool's queue (waking the loop, then resuming the
/// request), and under nudging that queue also holds the sender's and the HTTP client's work, so
/// the slowest acknowledgements waited there.
/// </remarks>
public sealed partial class InboxWriter(IInboxAppender appender, InboxSignal signal, ILogger<InboxWriter> logger, AckStageRecorder? stages = null) : BackgroundService
{
    private const int MaxBatch = 512;

    // Diagnostics only (Diagnostics:AckStagesFile): off, no trace is looked up.
    private readonly bool _timed = stages?.Enabled == true;

    // Guards the queue and the two flags. Invariant: while no write goes on, the queue is empty.
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _queue = new();
    private bool _writing;
    private bool _stopped;
    private TaskCompletionSource? _drained;

    // Used only by whoever holds the write turn (_writing), one batch at a time.
    private readonly List<Pending> _batch = new(MaxBatch);
    private readonly List<InboxEntry> _entries = new(MaxBatch);

    /// <summary>
    /// Completes once the entry is durable. A second delivery of the same event is written too
    /// with SQLite (the processor, which records each event once, skips it); PostgreSQL drops it
    /// at the insert.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service is stopping: nothing is written.</exception>
    public Task AddAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var trace = _timed ? AckStageRecorder.Current : null;
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), trace);
        trace?.Enqueued = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_stopped)
            {
                throw new InvalidOperationException("The inbox is shutting down.");
            }

            _queue.Enqueue(pending);
            if (_writing)
            {
                return pending.Completion.Task.WaitAsync(cancellationToken);
            }

            _writing = true;
        }

        return WriteOwnAsync(pending);
    }

    // This request writes: its event and whatever queued with it; what queues during the write is
    // handed to the thread pool, so this request answers as soon as its own event is durable.
    private async Task WriteOwnAsync(Pending own)
    {
        TakeBatch();
        await WriteBatchAsync();
        if (!ReleaseIfDrained())
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        // Done (written) or failed; a failure is this request's own 503.
        await own.Completion.Task;
    }

    // On the thread pool: writes batches until the queue is empty.
    private async Task WriteQueuedAsync()
    {
        do
        {
            if (TakeBatch())
            {
                await WriteBatchAsync();
            }
        }
        while (!ReleaseIfDrained());
    }

    // Moves up to MaxBatch queued events into the batch; false when none were queued.
    private bool TakeBatch()
    {
        _batch.Clear();
        _entries.Clear();
        lock (_gate)
        {
            while (_batch.Count < MaxBatch && _queue.TryDequeue(out var item))
            {
                _batch.Add(item);
                _entries.Add(item.Entry);
            }
        }

        return _batch.Count > 0;
    }

    // True when nothing is queued: the write turn is given up. False: the caller writes on.
    private bool ReleaseIfDrained()
    {
        TaskCompletionSource? drained;
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                return false;
            }

            _writing = false;
            drained = _drained;
        }

        drained?.TrySetResult();
        return true;
    }

    private async Task WriteBatchAsync()
    {
        var batch = _batch;
        if (_timed)
        {
            Stamp(batch, static (t, now, count) => { t.BatchStart = now; t.Batch = count; });
        }

        try
        {
            await appender.AppendAsync(_entries, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Whatever went wrong, these requests get a 503 (Slack retries them) and the next
            // batch is written as usual.
            Log.BatchFailed(logger, batch.Count, ex);
            var failure = ex as IOException ?? new IOException(ex.Message, ex);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }

            return;
        }

        if (_timed)
        {
            Stamp(batch, static (t, now, _) => t.Appended = now);
        }

        signal.Notify();
        foreach (var pending in batch)
        {
            pending.Trace?.Released = Stopwatch.GetTimestamp();
            pending.Completion.TrySetResult();
        }
    }

    /// <summary>Diagnostics (<see cref="AckStageRecorder"/>): the request resumed after its event was written.</summary>
    public void StampResumed()
    {
        if (_timed && AckStageRecorder.Current is { } trace)
        {
            trace.Resumed = Stopwatch.GetTimestamp();
        }
    }

    // Nothing runs in the background between writes: each write starts on the request that finds none going on.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Refuses new events, then waits until every accepted one is written, so no accepted request is left waiting.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Task drained = Task.CompletedTask;
        lock (_gate)
        {
            _stopped = true;
            if (_writing)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                drained = _drained.Task;
            }
        }

        await base.StopAsync(cancellationToken);
        await drained;
    }

    private static void Stamp(List<Pending> batch, Action<AckTrace, long, int> stamp)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var pending in batch)
        {
            if (pending.Trace is { } trace)
            {
                stamp(trace, now, batch.Count);
            }
        }
    }

    private sealed record Pending(InboxEntry Entry, TaskCompletionSource Completion, AckTrace? Trace);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Writing a batch of {Count} inbox events failed; those requests get a 503 and Slack will retry them")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
