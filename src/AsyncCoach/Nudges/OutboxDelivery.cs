using AsyncCoach.Observability;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// The send policy of one claimed row, whatever its kind: given back when stopping or held by
/// its team's rate limit; ended without a call when its team is inactive, it expired or its kind
/// is unknown; otherwise sent through its <see cref="IOutboxKindSender"/> and ended, deferred
/// (backoff, or the whole team until a 429's <c>Retry-After</c>) or failed as Slack's answer says
/// (<see cref="OutboxFailures"/>). A revoked token marks the team inactive and stops its lane.
/// A transient fault of ours before anything reached Slack (the installation check, the token
/// look-up, a kind's reads: <see cref="OutboxFaults"/>) defers the row with the usual backoff;
/// an outcome that cannot be written is tried again later (<see cref="OutboxPostponedWrites"/>).
/// Logs under the sender's category (<paramref name="logger"/>).
/// </summary>
internal sealed partial class OutboxDelivery(
    IOutboxStore store,
    IInstallationStore installations,
    IReadOnlyDictionary<string, IOutboxKindSender> kinds,
    Func<string, ISlackWebApi> slackFor,
    OutboxSignal signal,
    TimeProvider time,
    NudgeOptions options,
    INudgeObserver[] observers,
    AsyncCoachMetrics metrics,
    OutboxPostponedWrites writes,
    ILogger logger)
{
    // Teams rate limited beyond what the client waits out, until when: a claimed row of theirs
    // still queued in the stopped lane is given back (not sent) until then.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);

    /// <summary>Whether the team is rate limited (a 429's <c>Retry-After</c>) at <paramref name="now"/>.</summary>
    public bool IsHeld(string teamId, DateTimeOffset now) => _holds.TryGetValue(teamId, out var until) && now < until;

    /// <summary>Whether a row of this kind can be sent at all (a row of an unknown kind is ended unclaimed).</summary>
    public bool Knows(string kind) => kinds.ContainsKey(kind);

    /// <summary>A claimed row that will not be sent now: pending again, after the team's rate-limit hold if any. Never throws (a failed write is postponed).</summary>
    public Task ReleaseAsync(OutboxRow row)
    {
        var now = time.GetUtcNow();
        var notBefore = _holds.TryGetValue(row.TeamId, out var until) && until > now ? until : now;
        return writes.TryAsync(row.Id, ct => store.ReleaseAsync(row.Id, notBefore, ct));
    }

    /// <summary>Delivers one row; false when the team's lane should stop (rate limited, revoked).</summary>
    public async Task<bool> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        using var activity = metrics.Tracing.StartSend(row.Id, row.Kind);
        using var scope = logger.BeginScope(new OutboxSendScope(row));
        var now = time.GetUtcNow();
        var claimed = row.State == IOutboxStore.Sending;
        if (cancellationToken.IsCancellationRequested)
        {
            // Stopping: a claimed row that has not reached Slack goes back to pending (sent after
            // the restart) instead of ending as interrupted; an unclaimed one is pending already.
            if (claimed)
            {
                await writes.TryAsync(row.Id, ct => store.ReleaseAsync(row.Id, now, ct));
                Log.GivenBack(logger, row.Id);
            }

            return true;
        }

        // A call once started is let finish (Slack may already have the message): stopping waits
        // for it, up to the host's shutdown timeout (Shutdown:Timeout), so its outcome is recorded.
        if (_holds.TryGetValue(row.TeamId, out var until))
        {
            if (now < until)
            {
                // Queued behind the row that hit the rate limit: not sent, back to pending until then.
                if (claimed)
                {
                    await ReleaseAsync(row);
                }

                return false;
            }

            _holds.TryRemove(new KeyValuePair<string, DateTimeOffset>(row.TeamId, until));
        }

        IOutboxKindSender? kind;
        try
        {
            kind = await CheckAsync(row, claimed, now);
        }
        catch (Exception ex)
        {
            // The installation check failed (its database): nothing was sent, so the row is tried
            // again rather than left 'sending' until a restart ends it as interrupted.
            await FaultedAsync(row, claimed, OutboxFaults.Transient(ex) ?? "check_failed", ex);
            return true;
        }

        return kind is null || await CallAsync(row, kind);
    }

    // The checks before a call: null when the row was ended (or left pending) without one.
    private async Task<IOutboxKindSender?> CheckAsync(OutboxRow row, bool claimed, DateTimeOffset now)
    {
        if (!await installations.IsActiveAsync(row.TeamId, CancellationToken.None))
        {
            await EndAsync(row, IOutboxStore.Failed, "installation_inactive", null, now);
            return null;
        }

        if (now >= row.ExpiresAt)
        {
            await EndAsync(row, IOutboxStore.Expired, "stale", null, now);
            return null;
        }

        if (!kinds.TryGetValue(row.Kind, out var kind))
        {
            Log.UnknownKind(logger, row.Id, row.Kind);
            await EndAsync(row, IOutboxStore.Failed, "unknown_kind", null, now);
            return null;
        }

        if (!claimed)
        {
            // Handed out to be ended, and it turned out to need a call after all (the team was
            // reactivated meanwhile): still pending, the next round claims it.
            signal.Notify();
            return null;
        }

        if (row.ContentJson is null)
        {
            await EndAsync(row, IOutboxStore.Expired, "stale", null, now);
            return null;
        }

        return kind;
    }

    private async Task<bool> CallAsync(OutboxRow row, IOutboxKindSender kind)
    {
        var cancellationToken = CancellationToken.None;
        var calls = new OutboxCallTracker(slackFor(row.TeamId));
        DateTimeOffset now;
        try
        {
            await kind.SendAsync(row, calls, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            now = time.GetUtcNow();
            switch (OutboxFailures.Classify(ex))
            {
                case OutboxFailure.Revoked:
                    await MarkInactiveAsync(row.TeamId, ex.Error, now);
                    await EndAsync(row, IOutboxStore.Failed, ex.Error, ex.Error, now);
                    Log.Revoked(logger, ex.Error);
                    return false;
                case OutboxFailure.Permanent:
                    await EndAsync(row, IOutboxStore.Failed, ex.Error, ex.Error, now);
                    return true;
                case OutboxFailure.RateLimited:
                    _holds[row.TeamId] = now + ex.RetryAfter!.Value;
                    await DeferAsync(row, ex.Error, now + ex.RetryAfter!.Value, wholeTeam: true, now);
                    return false;
                default:
                    await DeferAsync(row, ex.Error, now + Backoff(row.Attempts + 1), wholeTeam: false, now);
                    return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            now = time.GetUtcNow();
            await DeferAsync(row, ex.GetType().Name, now + Backoff(row.Attempts + 1), wholeTeam: false, now);
            return true;
        }
        catch (Exception ex) when (!calls.Delivering && OutboxFaults.Transient(ex) is { } reason)
        {
            // Our side failed before anything reached Slack (the token look-up, the kind's reads,
            // a DB error): nothing was sent, so the row is tried again, not ended.
            await FaultedAsync(row, claimed: true, reason, ex);
            return true;
        }
        catch (Exception ex)
        {
            // A kind's own failure (its payload, its figures): claimed, so it is not tried again.
            Log.SendFailed(logger, row.Id, ex);
            await EndAsync(row, IOutboxStore.Failed, "sender_error", ex.GetType().Name, time.GetUtcNow());
            return true;
        }

        await EndAsync(row, IOutboxStore.Sent, null, "ok", time.GetUtcNow());
        return true;
    }

    // A row that met a transient fault of ours before anything reached Slack: claimed, it is
    // deferred with the usual backoff (the attempt recorded with the fault as its outcome) and
    // sent once the fault clears, or ends as expired; unclaimed, it is still pending.
    private async Task FaultedAsync(OutboxRow row, bool claimed, string reason, Exception exception)
    {
        if (!claimed)
        {
            Log.CheckFailedUnclaimed(logger, row.Id, reason, exception);
            return;
        }

        var now = time.GetUtcNow();
        var retryAt = now + Backoff(row.Attempts + 1);
        Log.NotSent(logger, Label(row.Kind), row.Id, reason, retryAt, exception);
        await DeferAsync(row, reason, retryAt, wholeTeam: false, now);
    }

    // The team's token was refused: it is inactive. Failing to record that does not keep the row
    // 'sending'; the team's next row meets the same answer and tries again.
    private async Task MarkInactiveAsync(string teamId, string reason, DateTimeOffset now)
    {
        try
        {
            await installations.SetAsync(teamId, active: false, reason, now, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.MarkInactiveFailed(logger, reason, ex);
        }
    }

    /// <summary>Told by a lane when <see cref="SendAsync"/> threw.</summary>
    public void SendThrew(long id, Exception exception) => Log.SendFailed(logger, id, exception);

    private TimeSpan Backoff(long attempt) => OutboxFailures.Backoff(attempt, options.RetryBaseDelay, options.MaxRetryDelay);

    // Ending and deferring never throw: a write that fails is postponed (OutboxPostponedWrites),
    // and what follows the write (metrics, log, observers) happens once it lands.
    private Task EndAsync(OutboxRow row, string state, string? reason, string? outcome, DateTimeOffset now) =>
        writes.TryAsync(row.Id, async cancellationToken =>
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
        });

    private Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now) =>
        writes.TryAsync(row.Id, async cancellationToken =>
        {
            await store.DeferAsync(row, outcome, retryAt, wholeTeam, now, cancellationToken);
            metrics.OutboxDeferred(row.Kind, outcome);
            Log.Deferred(logger, Label(row.Kind), row.Id, outcome, retryAt);
            Notify(row.Id, outcome);
            signal.Notify();
        });

    // "Nudge 12 ended sent", "Digest 13 ended sent": the kind as a capitalised word, no allocation for nudges.
    private static string Label(string kind) => kind == IOutboxStore.NudgeKind ? "Nudge" : char.ToUpperInvariant(kind[0]) + kind[1..];

    private void Notify(long id, string outcome)
    {
        foreach (var observer in observers)
        {
            observer.AttemptRecorded(id, outcome);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1811, Level = LogLevel.Information, Message = "{Kind} {OutboxId} ended {State} ({Reason})")]
        public static partial void Ended(ILogger logger, string kind, long outboxId, string state, string reason);

        // Without a reason (a row sent), not "ended sent ((null))". Debug: at Information every
        // message sent was a console line (formatted, queued, written), the one log line per
        // nudge of a healthy service; asynccoach.nudges.sent counts them (docs/decisions.md).
        [LoggerMessage(EventId = 1819, Level = LogLevel.Debug, Message = "{Kind} {OutboxId} ended {State}")]
        public static partial void EndedPlainly(ILogger logger, string kind, long outboxId, string state);

        [LoggerMessage(EventId = 1812, Level = LogLevel.Information, Message = "{Kind} {OutboxId} deferred after {Outcome} until {RetryAt}")]
        public static partial void Deferred(ILogger logger, string kind, long outboxId, string outcome, DateTimeOffset retryAt);

        [LoggerMessage(EventId = 2300, Level = LogLevel.Error, Message = "Outbox row {OutboxId} has kind {Kind}, which no IOutboxKindSender delivers; ended as failed")]
        public static partial void UnknownKind(ILogger logger, long outboxId, string kind);

        [LoggerMessage(EventId = 1813, Level = LogLevel.Warning, Message = "Slack answered {Error}: the installation is inactive; no nudges for this team until it is reinstalled")]
        public static partial void Revoked(ILogger logger, string error);

        [LoggerMessage(EventId = 1817, Level = LogLevel.Error, Message = "Sending outbox row {OutboxId} failed unexpectedly")]
        public static partial void SendFailed(ILogger logger, long outboxId, Exception exception);

        [LoggerMessage(EventId = 4240, Level = LogLevel.Warning, Message = "{Kind} {OutboxId} was not sent: {Reason} before the call to Slack; pending again, tried at {RetryAt}")]
        public static partial void NotSent(ILogger logger, string kind, long outboxId, string reason, DateTimeOffset retryAt, Exception exception);

        [LoggerMessage(EventId = 4244, Level = LogLevel.Warning, Message = "Checking outbox row {OutboxId} failed ({Reason}); it is still pending and tried again with the next round")]
        public static partial void CheckFailedUnclaimed(ILogger logger, long outboxId, string reason, Exception exception);

        [LoggerMessage(EventId = 4245, Level = LogLevel.Error, Message = "Slack answered {Error} but marking the installation inactive failed; the team's next message tries again")]
        public static partial void MarkInactiveFailed(ILogger logger, string error, Exception exception);

        [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Outbox row {OutboxId} had not reached Slack when the service stopped; pending again, sent after the restart")]
        public static partial void GivenBack(ILogger logger, long outboxId);
    }
}
