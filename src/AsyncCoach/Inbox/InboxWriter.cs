using System.Diagnostics;
using System.Threading.Channels;
using AsyncCoach.Observability;

namespace AsyncCoach.Inbox;

/// <summary>
/// Group commit for the inbox. Each request hands its event over and waits; one writer loop
/// drains whatever has queued up, makes it all durable in one write (<see cref="IInboxAppender"/>:
/// the <see cref="InboxJournal"/> with SQLite, synced too with <c>Storage:Synchronous=Full</c>; one
/// multi-row insert with PostgreSQL), and then completes every waiting request.
/// Under load, batches grow and each write is shared; when idle, a lone event is written at once.
/// An event is acknowledged only after its batch is durable.
/// </summary>
public sealed partial class InboxWriter(IInboxAppender appender, InboxSignal signal, ILogger<InboxWriter> logger, AckStageRecorder? stages = null) : BackgroundService
{
    // Diagnostics only (Diagnostics:AckStagesFile): off, no trace is looked up.
    private readonly bool _timed = stages?.Enabled == true;

    private const int MaxBatch = 512;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    /// <summary>
    /// Queues the entry and completes once it is durable. A second delivery of the same event is
    /// written too with SQLite (the processor, which records each event once, skips it); PostgreSQL
    /// drops it at the insert.
    /// </summary>
    public Task AddAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var trace = _timed ? AckStageRecorder.Current : null;
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), trace);
        trace?.Enqueued = Stopwatch.GetTimestamp();
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Diagnostics (<see cref="AckStageRecorder"/>): the request resumed after its event was written.</summary>
    public void StampResumed()
    {
        if (_timed && AckStageRecorder.Current is { } trace)
        {
            trace.Resumed = Stopwatch.GetTimestamp();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        var entries = new List<InboxEntry>(MaxBatch);
        var reader = _queue.Reader;

        // Ends only when StopAsync has completed the queue and every queued event is written,
        // so no accepted request is left waiting at shutdown.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            entries.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
                entries.Add(item.Entry);
            }

            if (_timed)
            {
                Stamp(batch, static (t, now, count) => { t.BatchStart = now; t.Batch = count; });
            }

            try
            {
                await appender.AppendAsync(entries, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Whatever went wrong, these requests get a 503 (Slack retries them) and the loop
                // goes on for the next batch.
                Log.BatchFailed(logger, batch.Count, ex);
                var failure = ex as IOException ?? new IOException(ex.Message, ex);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(failure);
                }

                continue;
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
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is null or { IsCanceled: true })
        {
            // The loop never ran: BackgroundService starts ExecuteAsync on the thread pool and
            // skips it when the stop comes first. What was accepted is written here instead (the
            // queue is complete, so the loop drains it and returns).
            await ExecuteAsync(CancellationToken.None);
        }
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
