using System.Diagnostics;
using System.Text.Json;
using AsyncCoach.Observability;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack.Events;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Inbox;

/// <summary>
/// Takes acknowledged events from the <see cref="InboxJournal"/> in arrival order (so in order
/// within each conversation), and rows of the inbox table waiting for another attempt, hands them
/// to the pipeline a round at a time, and records the round in one transaction: each event's row
/// (done, its payload never stored there, or pending for another attempt), its findings and
/// nudges, and the journal position processed; then the journal clears what was processed.
/// Events left by a crash or stop are picked up again on the next start; a Slack retry of an event
/// already recorded is skipped. Live, the <see cref="InboxLookAhead"/> starts each event's lookups
/// ahead of its round and the <see cref="LookAheadWindow"/> takes events whose lookups are done,
/// keeping each conversation's order; so no lookup runs on this thread and no workspace waits for
/// another's.
/// </summary>
public sealed partial class InboxProcessor(
    IStorage storage,
    IInboxStore inbox,
    InboxJournal journal,
    InboxSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<InboxOptions> options,
    IEnumerable<IInboxObserver> observers,
    IEnumerable<IInboxIdleHandler> idleHandlers,
    IEnumerable<IInboxRoundPreparer> preparers,
    IEnumerable<IInboxHoldBack> holdBacks,
    DatabaseReadiness readiness,
    InboxLookAhead lookAhead,
    IOptions<WorkspaceOptions> workspace,
    AsyncCoachMetrics metrics,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private readonly IInboxObserver[] _observers = [.. observers];
    private readonly IInboxIdleHandler[] _idleHandlers = [.. idleHandlers];
    private readonly IInboxRoundPreparer[] _preparers = [.. preparers];
    private readonly IInboxHoldBack[] _holdBacks = [.. holdBacks];
    private readonly LookAheadWindow? _window = lookAhead.IsActive ? new LookAheadWindow(lookAhead, time, workspace.Value.MaxLookupWait) : null;

    // Only the processing loop touches it (one round at a time).
    private IProcessingSession? _session;

    /// <summary>The name of the processor's thread.</summary>
    public const string ThreadName = "inbox-processor";

    // On a thread of its own, below the service's priority: see InboxOptions.ProcessorNice.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundThread.RunAsync(ThreadName, options.Value.ProcessorNice, () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!await readiness.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await journal.EnsureOpenAsync(stoppingToken);
            await ProcessUntilStoppedAsync(stoppingToken);
        }
        finally
        {
            CloseSession();
        }
    }

    private async Task ProcessUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The thread is given back once a round. Work that completes on it (a timer callback,
            // say) may leave a continuation queued for it; when every await of a round finishes
            // at once (a busy inbox, or a clock that jumps past the poll interval), nothing else
            // would ever run there, and whoever waits for that continuation would wait for ever.
            await Task.Yield();

            // The poll timer starts with the round: a clock that moves while the round runs
            // (or a slow round) wakes the next one at once instead of being missed.
            using var pollTimeout = new CancellationTokenSource(settings.PollInterval, time);
            var hadFailures = false;
            try
            {
                var session = _session ??= await storage.OpenSessionAsync(stoppingToken);
                foreach (var preparer in _preparers)
                {
                    await preparer.PrepareAsync(stoppingToken);
                }

                // Rows waiting for another attempt first (they are older), then the journal.
                var rows = await inbox.ClaimPendingAsync(session, settings.BatchSize, stoppingToken);
                IReadOnlyList<JournalRecord> window;
                RoundPlan plan;
                if (_window is null)
                {
                    window = journal.Peek(settings.BatchSize - rows.Count);
                    plan = RoundPlan.InOrder(window);
                }
                else
                {
                    window = journal.Peek(Math.Max(settings.BatchSize, workspace.Value.LookAheadWindow));
                    plan = _window.Plan(window, settings.BatchSize - rows.Count);
                }

                HoldBack(rows, plan);
                if (rows.Count + plan.Records.Count > 0)
                {
                    var started = Stopwatch.GetTimestamp();
                    var outcomes = await ProcessRoundAsync(session, rows, plan, stoppingToken);
                    metrics.RoundCompleted(Stopwatch.GetElapsedTime(started));
                    _window?.Committed(window, plan);
                    foreach (var observer in _observers)
                    {
                        observer.BatchCompleted(outcomes);
                    }

                    hadFailures = outcomes.Exists(o => o.Error is not null);
                    if (!hadFailures)
                    {
                        continue;
                    }
                }
                else if (window.Count == 0)
                {
                    foreach (var handler in _idleHandlers)
                    {
                        await handler.OnIdleAsync(time.GetUtcNow(), stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One bad round must not stop the host; wait and try again, on a fresh
                // session in case the kept one is what failed.
                Log.RoundFailed(logger, ex);
                CloseSession();
                hadFailures = true;
            }

            if (await WaitForWorkAsync(hadFailures, pollTimeout.Token, stoppingToken) && settings.CoalesceWindow > TimeSpan.Zero)
            {
                try
                {
                    // Real time on purpose: this only paces rounds, it is not event time.
                    await Task.Delay(settings.CoalesceWindow, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One round is one unit of work: one DI scope, and one transaction that records the round's
    /// findings and nudges together with the rows' outcomes, so a crash leaves either all of it or
    /// none (the rows are then processed again, and the writes are idempotent).
    /// </summary>
    private async Task<List<InboxOutcome>> ProcessRoundAsync(
        IProcessingSession session, IReadOnlyList<PendingInboxRow> rows, RoundPlan plan, CancellationToken cancellationToken)
    {
        var records = plan.Records;
        await using var services = scopes.CreateAsyncScope();
        var handler = services.ServiceProvider.GetRequiredService<IInboxHandler>();
        var sink = services.ServiceProvider.GetRequiredService<IFindingSink>();
        var rowOutcomes = new List<InboxOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var outcome = await ProcessAsync(row, handler, cancellationToken);
            rowOutcomes.Add(outcome);
            HoldBackIfFailed(outcome, row.TeamId, row.ChannelId);
        }

        // Only this loop inserts inbox rows, a round at a time, so what is not in the table (nor
        // earlier in this round) has not been processed: the first delivery of an event wins.
        var known = new bool[records.Count];
        if (records.Count > 0)
        {
            var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
            using var read = session.BeginRead();
            for (var i = 0; i < records.Count; i++)
            {
                var eventId = records[i].Entry.EventId;
                known[i] = !seen.Add(eventId) || inbox.IsKnown(read, eventId);
            }
        }

        var recordOutcomes = new InboxOutcome?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (known[i])
            {
                Log.Duplicate(logger, records[i].Entry.EventId);
                continue;
            }

            var entry = records[i].Entry;
            var recordOutcome = await ProcessAsync(AsRow(entry), handler, cancellationToken, plan.Prepared?[i].Envelope, plan.LookupsPending?[i] ?? false);
            recordOutcomes[i] = recordOutcome;
            HoldBackIfFailed(recordOutcome, entry.TeamId, entry.ChannelId);
        }

        var outcomes = new List<InboxOutcome>(rows.Count + records.Count);
        outcomes.AddRange(rowOutcomes);
        await using (var round = await session.BeginRoundAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            await sink.WriteAsync(round, cancellationToken);
            if (rowOutcomes.Count > 0)
            {
                await inbox.CompleteAsync(round, rowOutcomes, now, cancellationToken);
            }

            if (records.Count > 0)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    var outcome = recordOutcomes[i];
                    var id = outcome is null ? null : inbox.InsertProcessed(round, records[i].Entry, outcome.Error, now);
                    outcomes.Add(id is { } rowId ? outcome! with { Id = rowId } : new InboxOutcome(0, null) { Duplicate = true });
                }
            }

            if (plan.Completes > 0)
            {
                inbox.SaveJournalPosition(round, plan.Position);
            }

            await round.CommitAsync(cancellationToken);
        }

        sink.Committed();
        journal.Complete(plan.Completes);
        return outcomes;
    }

    // The round's holds: the conversations of rows waiting for another attempt, and of events waiting
    // for their lookups; the events this round processes must not release their pending findings.
    private void HoldBack(IReadOnlyList<PendingInboxRow> rows, RoundPlan plan)
    {
        foreach (var holds in _holdBacks)
        {
            holds.ClearHolds();
            foreach (var row in rows)
            {
                if (row.Attempts > 0 && row.ChannelId is { } channel)
                {
                    holds.HoldBack(row.TeamId, channel);
                }
            }

            foreach (var (team, channel) in plan.Waiting ?? [])
            {
                holds.HoldBack(team, channel);
            }
        }
    }

    // An event that failed waits for another attempt: the rest of the round goes ahead of it.
    private void HoldBackIfFailed(InboxOutcome outcome, string teamId, string? channelId)
    {
        if (outcome.Error is null || channelId is null)
        {
            return;
        }

        foreach (var holds in _holdBacks)
        {
            holds.HoldBack(teamId, channelId);
        }
    }

    // A journaled event has no row yet, and no attempt behind it.
    private static PendingInboxRow AsRow(InboxEntry entry) =>
        new(0, entry.EventId, entry.TeamId, entry.ChannelId, entry.EventType, entry.Payload, 0);

    // The session every round reads its rows and writes on, kept across rounds with its
    // statements compiled (see IProcessingSession).
    private void CloseSession()
    {
        _session?.Dispose();
        _session = null;
    }

    private async Task<InboxOutcome> ProcessAsync(
        PendingInboxRow row, IInboxHandler handler, CancellationToken cancellationToken, EventEnvelope? read = null, bool lookupsPending = false)
    {
        using var activity = metrics.Tracing.StartProcess(row.EventId, row.EventType);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["event_id"] = row.EventId,
            ["team_id"] = row.TeamId,
            ["channel_id"] = row.ChannelId,
        });
        try
        {
            if (row.Payload is null)
            {
                return new InboxOutcome(row.Id, "payload missing");
            }

            var envelope = read ?? JsonSerializer.Deserialize(row.Payload, SlackEventsJsonContext.Default.EventEnvelope)
                ?? throw new JsonException("empty envelope");
            if (lookupsPending)
            {
                Log.LookupsPending(logger, row.EventType);
            }

            await handler.HandleAsync(new InboxEvent(row.Id, row.EventId, row.TeamId, envelope) { LookupsPending = lookupsPending }, cancellationToken);
            return new InboxOutcome(row.Id, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.EventFailed(logger, row.EventType, row.Attempts + 1, ex);
            // The error keeps the exception type and message only, never payload content.
            return new InboxOutcome(row.Id, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Waits for new rows or the poll interval; true when woken by new rows.</summary>
    private async Task<bool> WaitForWorkAsync(bool backOff, CancellationToken pollTimeout, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, pollTimeout);
        try
        {
            if (backOff)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, linked.Token);
                return false;
            }

            await signal.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            // Poll interval elapsed, or stopping.
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Processing a {EventType} event failed (attempt {Attempt})")]
        public static partial void EventFailed(ILogger logger, string eventType, long attempt, Exception exception);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Skipped a delivery of event {EventId}, already in the inbox (a Slack retry)")]
        public static partial void Duplicate(ILogger logger, string eventId);

        [LoggerMessage(EventId = 2720, Level = LogLevel.Information, Message = "A {EventType} event waited for its lookups as long as allowed; judged with what is known")]
        public static partial void LookupsPending(ILogger logger, string eventType);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "An inbox round failed; retrying after the poll interval")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
