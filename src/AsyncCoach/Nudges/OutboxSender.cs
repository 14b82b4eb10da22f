using AsyncCoach.Observability;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Nudges;

/// <summary>
/// Delivers the outbox, every kind (nudges, digests, App Home views) through its
/// <see cref="IOutboxKindSender"/>. Each team has its own lane of <see cref="NudgeOptions.SendsPerTeam"/>
/// call slots, fed as rows come due, so a team whose calls wait on Slack's rate limit never holds
/// up another team, and a row waits only for a free slot. A round reads due rows oldest first,
/// passing over teams busy with a backlog (so one workspace's backlog does not delay another's
/// first message), and claims the rows it hands out in one commit before any is sent; ending a
/// row is group-committed with the other calls in flight. Short waits (a 429 whose
/// <c>Retry-After</c> is within <c>Slack:MaxRetryAfter</c>) happen inside the resilient client, in
/// that team's lane; longer ones come back as <c>ratelimited</c> with a <c>RetryAfter</c> and the
/// outbox defers all of that team's rows until then. Rows left mid-call by a crash are ended
/// (at most once), pending rows are resumed after a restart, and a row past its
/// <c>expires_at</c> (a nudge's freshness window) expires instead of going out late.
/// </summary>
public sealed partial class OutboxSender(
    IOutboxStore store,
    IInstallationStore installations,
    IEnumerable<IOutboxKindSender> kinds,
    OutboxSignal signal,
    IServiceProvider services,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    IEnumerable<INudgeObserver> observers,
    DatabaseReadiness database,
    AsyncCoachMetrics metrics,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly INudgeObserver[] _observers = [.. observers];
    private readonly Dictionary<string, IOutboxKindSender> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, OutboxLane> _lanes = new(StringComparer.Ordinal);

    // Teams whose due rows outnumbered their lane's free slots (only the loop touches this).
    private readonly HashSet<string> _backlogged = new(StringComparer.Ordinal);

    // Rows handed to a lane and not finished yet, so the next round does not hand them out again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _inFlight = new();

    // The last round left due rows behind (a lane was full): finishing a row should wake the loop to hand out more.
    private volatile bool _moreDue;

    // Teams rate limited beyond what the client waits out, until when: a claimed row of theirs
    // still queued in the stopped lane is given back (not sent) until then.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);

    // Resolved on first use, in the loop: live, the typed client (HttpClientFactory, the
    // resilience pipeline) added 50-80 ms to start while the host resolved its hosted services.
    private readonly Lazy<ISlackClientFactory> _slack = new(services.GetRequiredService<ISlackClientFactory>);

    /// <summary>The one place the sender gets its Slack client: the row's own team's (its token, or dry-run).</summary>
    private ISlackWebApi SlackFor(string teamId) => _slack.Value.ForTeam(teamId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await database.WaitForMigrationAsync(stoppingToken))
            {
                return;
            }

            await StartUpAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = settings.PollInterval;
            try
            {
                // Lanes with nothing queued or running are closed; only this loop adds to them.
                foreach (var idle in _lanes.Where(l => l.Value.IsIdle).Select(l => l.Key).ToList())
                {
                    _lanes.Remove(idle, out var lane);
                    lane!.Close();
                }

                var now = time.GetUtcNow();
                var busy = BusyTeams();
                var (due, next) = await store.DueAsync(now, settings.BatchSize, busy, stoppingToken);
                _moreDue = await HandOutAsync(due, now, full: due.Count >= settings.BatchSize || busy.Count > 0, stoppingToken);

                if (next is { } nextDue && nextDue - now < wait)
                {
                    wait = nextDue - now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.RoundFailed(logger, ex);
            }

            await WaitAsync(wait, stoppingToken);
        }

        foreach (var lane in _lanes.Values)
        {
            lane.Close();
        }

        try
        {
            await Task.WhenAll(_lanes.Values.Select(l => l.Completion));
        }
        catch (OperationCanceledException)
        {
            // Stopping; rows mid-call stay 'sending' and are ended at the next start.
        }
    }

    /// <summary>
    /// Hands the round's due rows to their teams' lanes, as many per team as the lane takes
    /// (<see cref="OutboxLane.Free"/>). The rows that will call Slack are claimed first, all in one commit; a row
    /// that needs no call (expired, its kind unknown, its team inactive) goes unclaimed and is
    /// ended by the lane. A team that had rows left over is backlogged: while its lane is busy,
    /// rounds pass over its rows, so the rows of other teams behind them are seen. True when
    /// due rows were left for a later round.
    /// </summary>
    private async Task<bool> HandOutAsync(IReadOnlyList<DueRow> due, DateTimeOffset now, bool full, CancellationToken stoppingToken)
    {
        var more = full;
        var free = new Dictionary<string, int>(StringComparer.Ordinal);
        var claim = new List<long>();
        var unclaimed = new List<OutboxRow>();
        foreach (var row in due)
        {
            if (_inFlight.ContainsKey(row.Id))
            {
                continue;
            }

            var lane = LaneFor(row.TeamId, stoppingToken);
            var slots = free.TryGetValue(row.TeamId, out var left) ? left : lane.Free;
            if (lane.IsStopped || slots <= 0)
            {
                _backlogged.Add(row.TeamId);
                more = true;
                continue;
            }

            free[row.TeamId] = slots - 1;
            if (now < row.ExpiresAt && _kinds.ContainsKey(row.Kind) && await installations.IsActiveAsync(row.TeamId, stoppingToken))
            {
                claim.Add(row.Id);
            }
            else
            {
                unclaimed.Add(new OutboxRow(row.Id, row.TeamId, "", "", null, "", row.Kind, null, IOutboxStore.Pending, 0, row.ExpiresAt, row.Kind));
            }
        }

        // A team all of whose rows fitted is caught up.
        foreach (var (team, slots) in free)
        {
            if (slots > 0)
            {
                _backlogged.Remove(team);
            }
        }

        foreach (var row in unclaimed)
        {
            Enqueue(row);
        }

        foreach (var row in await store.ClaimAsync(claim, stoppingToken))
        {
            if (!Enqueue(row))
            {
                // The lane stopped (a rate limit) while the claim was committing: give it back.
                await ReleaseAsync(row, stoppingToken);
            }
        }

        return more;
    }

    /// <summary>The backlogged teams whose lanes take no rows now: this round passes over their rows.</summary>
    private List<string> BusyTeams()
    {
        var busy = new List<string>();
        foreach (var team in _backlogged)
        {
            if (_lanes.TryGetValue(team, out var lane) && (lane.Free == 0 || lane.IsStopped))
            {
                busy.Add(team);
            }
        }

        return busy;
    }

    private OutboxLane LaneFor(string teamId, CancellationToken stoppingToken)
    {
        if (!_lanes.TryGetValue(teamId, out var lane))
        {
            lane = new OutboxLane(SendAsync, LogSendFailed, Finished, Math.Max(1, options.Value.SendsPerTeam), stoppingToken);
            _lanes[teamId] = lane;
        }

        return lane;
    }

    private bool Enqueue(OutboxRow row)
    {
        if (_inFlight.TryAdd(row.Id, 0) && _lanes[row.TeamId].TryEnqueue(row))
        {
            return true;
        }

        _inFlight.TryRemove(row.Id, out _);
        return false;
    }

    /// <summary>A claimed row that will not be sent now: pending again, after the team's rate-limit hold if any.</summary>
    private async Task ReleaseAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var notBefore = _holds.TryGetValue(row.TeamId, out var until) && until > now ? until : now;
        await store.ReleaseAsync(row.Id, notBefore, cancellationToken);
    }

    private async Task StartUpAsync(CancellationToken cancellationToken)
    {
        var interrupted = await store.RecoverInterruptedAsync(time.GetUtcNow(), cancellationToken);
        if (interrupted > 0)
        {
            Log.Interrupted(logger, interrupted);
        }

        // A team is reactivated by a new token (a reinstall, or a configured token that passes
        // auth.test at start: Installations/ConfiguredBotToken), not here.
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Timed out, or stopping.
        }
    }

    private void LogSendFailed(long id, Exception exception) => Log.SendFailed(logger, id, exception);

    /// <summary>
    /// Called by a lane when it is done with a row (sent, ended, deferred or given back). Wakes
    /// the loop only when rows were left behind and this lane takes more now: a lane that is still
    /// more than half full does not, so a backlog does not make the loop read on every call.
    /// </summary>
    private void Finished(long id, bool takesMore)
    {
        _inFlight.TryRemove(id, out _);
        if (_moreDue && takesMore)
        {
            signal.Notify();
        }
    }

    /// <summary>Delivers one row; false when the team's lane should stop (rate limited, revoked).</summary>
    private async Task<bool> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        using var activity = metrics.Tracing.StartSend(row.Id, row.Kind);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["team_id"] = row.TeamId, ["channel_id"] = row.ChannelId, ["outbox_id"] = row.Id, ["kind"] = row.Kind });
        var now = time.GetUtcNow();
        var claimed = row.State == IOutboxStore.Sending;
        if (cancellationToken.IsCancellationRequested)
        {
            // Stopping: a claimed row that has not reached Slack goes back to pending (sent after
            // the restart) instead of ending as interrupted; an unclaimed one is pending already.
            if (claimed)
            {
                await store.ReleaseAsync(row.Id, now, CancellationToken.None);
                Log.GivenBack(logger, row.Id);
            }

            return true;
        }

        // A call once started is let finish (Slack may already have the message): stopping waits
        // for it, up to the host's shutdown timeout (Shutdown:Timeout), so its outcome is recorded.
        cancellationToken = CancellationToken.None;
        if (_holds.TryGetValue(row.TeamId, out var until))
        {
            if (now < until)
            {
                // Queued behind the row that hit the rate limit: not sent, back to pending until then.
                if (claimed)
                {
                    await ReleaseAsync(row, cancellationToken);
                }

                return false;
            }

            _holds.TryRemove(new KeyValuePair<string, DateTimeOffset>(row.TeamId, until));
        }

        if (!await installations.IsActiveAsync(row.TeamId, cancellationToken))
        {
            await EndAsync(row, IOutboxStore.Failed, "installation_inactive", null, now, cancellationToken);
            return true;
        }

        if (now >= row.ExpiresAt)
        {
            await EndAsync(row, IOutboxStore.Expired, "stale", null, now, cancellationToken);
            return true;
        }

        if (!_kinds.TryGetValue(row.Kind, out var kind))
        {
            Log.UnknownKind(logger, row.Id, row.Kind);
            await EndAsync(row, IOutboxStore.Failed, "unknown_kind", null, now, cancellationToken);
            return true;
        }

        if (!claimed)
        {
            // Handed out to be ended, and it turned out to need a call after all (the team was
            // reactivated meanwhile): still pending, the next round claims it.
            signal.Notify();
            return true;
        }

        if (row.ContentJson is null)
        {
            await EndAsync(row, IOutboxStore.Expired, "stale", null, now, cancellationToken);
            return true;
        }

        try
        {
            await kind.SendAsync(row, SlackFor(row.TeamId), cancellationToken);
            await EndAsync(row, IOutboxStore.Sent, null, "ok", time.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            now = time.GetUtcNow();
            switch (OutboxFailures.Classify(ex))
            {
                case OutboxFailure.Revoked:
                    await installations.SetAsync(row.TeamId, active: false, ex.Error, now, cancellationToken);
                    await EndAsync(row, IOutboxStore.Failed, ex.Error, ex.Error, now, cancellationToken);
                    Log.Revoked(logger, ex.Error);
                    return false;
                case OutboxFailure.Permanent:
                    await EndAsync(row, IOutboxStore.Failed, ex.Error, ex.Error, now, cancellationToken);
                    return true;
                case OutboxFailure.RateLimited:
                    _holds[row.TeamId] = now + ex.RetryAfter!.Value;
                    await DeferAsync(row, ex.Error, now + ex.RetryAfter!.Value, wholeTeam: true, now, cancellationToken);
                    return false;
                default:
                    await DeferAsync(row, ex.Error, now + Backoff(row.Attempts + 1), wholeTeam: false, now, cancellationToken);
                    return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            await DeferAsync(row, ex.GetType().Name, now + Backoff(row.Attempts + 1), wholeTeam: false, now, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A kind's own failure (its payload, its figures): claimed, so it is not tried again.
            Log.SendFailed(logger, row.Id, ex);
            await EndAsync(row, IOutboxStore.Failed, "sender_error", ex.GetType().Name, time.GetUtcNow(), cancellationToken);
            return true;
        }
    }

    private TimeSpan Backoff(long attempt) =>
        OutboxFailures.Backoff(attempt, options.Value.RetryBaseDelay, options.Value.MaxRetryDelay);

    private async Task EndAsync(OutboxRow row, string state, string? reason, string? outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.EndAsync(row.Id, state, reason, outcome, now, cancellationToken);
        metrics.OutboxEnded(row.Kind, state, reason);
        if (reason is null)
        {
            Log.EndedPlainly(logger, Label(row.Kind), row.Id, state);
        }
        else
        {
            Log.Ended(logger, Label(row.Kind), row.Id, state, reason);
        }
        Notify(row.Id, outcome ?? state);
    }

    private async Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.DeferAsync(row, outcome, retryAt, wholeTeam, now, cancellationToken);
        metrics.OutboxDeferred(row.Kind, outcome);
        Log.Deferred(logger, Label(row.Kind), row.Id, outcome, retryAt);
        Notify(row.Id, outcome);
        signal.Notify();
    }

    // "Nudge 12 ended sent", "Digest 13 ended sent": the kind as a capitalised word, no allocation for nudges.
    private static string Label(string kind) => kind == IOutboxStore.NudgeKind ? "Nudge" : char.ToUpperInvariant(kind[0]) + kind[1..];

    private void Notify(long id, string outcome)
    {
        foreach (var observer in _observers)
        {
            observer.AttemptRecorded(id, outcome);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1811, Level = LogLevel.Information, Message = "{Kind} {OutboxId} ended {State} ({Reason})")]
        public static partial void Ended(ILogger logger, string kind, long outboxId, string state, string reason);

        // Without a reason (a row sent), not "ended sent ((null))".
        [LoggerMessage(EventId = 1819, Level = LogLevel.Information, Message = "{Kind} {OutboxId} ended {State}")]
        public static partial void EndedPlainly(ILogger logger, string kind, long outboxId, string state);

        [LoggerMessage(EventId = 1812, Level = LogLevel.Information, Message = "{Kind} {OutboxId} deferred after {Outcome} until {RetryAt}")]
        public static partial void Deferred(ILogger logger, string kind, long outboxId, string outcome, DateTimeOffset retryAt);

        [LoggerMessage(EventId = 2300, Level = LogLevel.Error, Message = "Outbox row {OutboxId} has kind {Kind}, which no IOutboxKindSender delivers; ended as failed")]
        public static partial void UnknownKind(ILogger logger, long outboxId, string kind);

        [LoggerMessage(EventId = 1813, Level = LogLevel.Warning, Message = "Slack answered {Error}: the installation is inactive; no nudges for this team until it is reinstalled")]
        public static partial void Revoked(ILogger logger, string error);

        [LoggerMessage(EventId = 1814, Level = LogLevel.Warning, Message = "{Count} nudges were mid-call when the service stopped; ended as interrupted rather than risk a duplicate")]
        public static partial void Interrupted(ILogger logger, int count);

        [LoggerMessage(EventId = 1817, Level = LogLevel.Error, Message = "Sending outbox row {OutboxId} failed unexpectedly")]
        public static partial void SendFailed(ILogger logger, long outboxId, Exception exception);

        [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Outbox row {OutboxId} had not reached Slack when the service stopped; pending again, sent after the restart")]
        public static partial void GivenBack(ILogger logger, long outboxId);

        [LoggerMessage(EventId = 1818, Level = LogLevel.Error, Message = "An outbox round failed; retrying after the poll interval")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
