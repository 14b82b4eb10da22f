using System.Diagnostics;
using System.Diagnostics.Metrics;
using AsyncCoach.AppHome;
using AsyncCoach.Core.Rules;
using AsyncCoach.Digests;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Observability;

/// <summary>
/// Every AsyncCoach metric, on one <see cref="Meter"/> named <c>AsyncCoach</c> from
/// <see cref="IMeterFactory"/> (docs/observability.md lists them). Names and units follow the
/// OpenTelemetry semantic conventions; the Prometheus exporter turns
/// <c>asynccoach.events.received</c> into <c>asynccoach_events_received_total</c>.
/// <para>
/// Cheap when nobody listens (<c>Metrics:Enabled=false</c>): an instrument with no listener
/// returns at once. Tags are built once and reused (no allocation per event, no lock). No tag
/// carries message text, a user or channel id, a token, or a team id: with thousands of
/// workspaces a team tag multiplies every series by thousands, and per-team figures are in the
/// database and the logs (docs/decisions.md, "Metrics").
/// </para>
/// </summary>
public sealed class AsyncCoachMetrics
{
    public const string MeterName = "AsyncCoach";

    private readonly Counter<long> _received;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _deduplicated;
    private readonly Counter<long> _processed;
    private readonly Histogram<double> _roundDuration;
    private readonly Counter<long> _findings;
    private readonly Counter<long> _nudgesQueued;
    private readonly Counter<long> _nudgesSent;
    private readonly Counter<long> _nudgesExpired;
    private readonly Counter<long> _nudgesFailed;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _digestsSent;
    private readonly Counter<long> _digestsFailed;
    private readonly Counter<long> _homeViewsPublished;
    private readonly Counter<long> _homeViewsFailed;
    private readonly Counter<long> _slackCalls;
    private readonly Histogram<double> _slackCallDuration;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Counter<long> _socketOpened;
    private readonly Counter<long> _socketClosed;
    private readonly Counter<long> _socketReconnects;
    private readonly UpDownCounter<long> _socketOpen;
    private readonly Counter<long> _retentionDeleted;

    private static readonly KeyValuePair<string, object?> Ok = new("outcome", "ok");
    private static readonly KeyValuePair<string, object?> Failed = new("outcome", "failed");
    private readonly BoundedTags _reasons = new("reason", 100);
    private readonly BoundedTags _rules = new("rule", 50);
    private readonly BoundedTags _methods = new("method", 50);
    private readonly BoundedTags _kinds = new("kind", 20);
    private readonly BoundedTags _tables = new("table", 50);
    private readonly BoundedTags _statuses = new("status", 100);

    private readonly Meter _meter;

    public AsyncCoachMetrics(IMeterFactory meters)
    {
        var meter = _meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("asynccoach.events.received", "{event}", "Events API deliveries that reached AsyncCoach (HTTP or Socket Mode), whatever became of them");
        _acknowledged = meter.CreateCounter<long>("asynccoach.events.acknowledged", "{event}", "Events durable in the inbox and acknowledged to Slack");
        _rejected = meter.CreateCounter<long>("asynccoach.events.rejected", "{event}", "Events API deliveries refused, by reason");
        _deduplicated = meter.CreateCounter<long>("asynccoach.events.deduplicated", "{event}", "Deliveries skipped because their event_id was already processed (Slack retries)");
        _processed = meter.CreateCounter<long>("asynccoach.events.processed", "{event}", "Events processed by the inbox, by outcome");
        _roundDuration = meter.CreateHistogram<double>("asynccoach.inbox.round.duration", "s", "Time one inbox round took, from claiming its events to the commit");
        _findings = meter.CreateCounter<long>("asynccoach.findings", "{finding}", "Findings recorded, by rule");
        _nudgesQueued = meter.CreateCounter<long>("asynccoach.nudges.queued", "{nudge}", "Nudges written to the outbox");
        _nudgesSent = meter.CreateCounter<long>("asynccoach.nudges.sent", "{nudge}", "Nudges delivered to Slack");
        _nudgesExpired = meter.CreateCounter<long>("asynccoach.nudges.expired", "{nudge}", "Nudges dropped because they could not be sent while fresh");
        _nudgesFailed = meter.CreateCounter<long>("asynccoach.nudges.failed", "{nudge}", "Nudges given up, by reason");
        _deferred = meter.CreateCounter<long>("asynccoach.outbox.deferred", "{message}", "Outbox sends put off for a retry, by kind and reason");
        _digestsSent = meter.CreateCounter<long>("asynccoach.digests.sent", "{digest}", "Weekly digests (and previews) delivered");
        _digestsFailed = meter.CreateCounter<long>("asynccoach.digests.failed", "{digest}", "Digests given up or expired, by reason");
        _homeViewsPublished = meter.CreateCounter<long>("asynccoach.home.views.published", "{view}", "App Home views published");
        _homeViewsFailed = meter.CreateCounter<long>("asynccoach.home.views.failed", "{view}", "App Home publishes given up or expired, by reason");
        _slackCalls = meter.CreateCounter<long>("asynccoach.slack.calls", "{call}", "Slack Web API calls (each attempt), by method and HTTP status");
        _slackCallDuration = meter.CreateHistogram<double>("asynccoach.slack.call.duration", "s", "Time a Slack Web API call attempt took, by method");
        _rateLimited = meter.CreateCounter<long>("asynccoach.slack.rate_limited", "{response}", "429 answers from Slack, by method");
        _rateLimitWait = meter.CreateHistogram<double>("asynccoach.slack.rate_limit.wait", "s", "Retry-After asked by Slack's 429 answers, by method");
        _socketOpened = meter.CreateCounter<long>("asynccoach.socket_mode.connections.opened", "{connection}", "Socket Mode connections opened");
        _socketClosed = meter.CreateCounter<long>("asynccoach.socket_mode.connections.closed", "{connection}", "Socket Mode connections ended, by reason");
        _socketReconnects = meter.CreateCounter<long>("asynccoach.socket_mode.reconnects", "{attempt}", "Socket Mode reconnection waits after a drop or a failed attempt");
        _socketOpen = meter.CreateUpDownCounter<long>("asynccoach.socket_mode.connections.open", "{connection}", "Socket Mode connections open now");
        _retentionDeleted = meter.CreateCounter<long>("asynccoach.retention.deleted", "{row}", "Rows deleted by retention, by table");
    }

    /// <summary>The trace hand-offs of this service (one nudge's steps as one trace).</summary>
    public AsyncCoachTracing Tracing { get; } = new();

    /// <summary>A delivery reached the acceptor (either transport).</summary>
    public void EventReceived() => _received.Add(1);

    public void EventAcknowledged() => _acknowledged.Add(1);

    /// <summary>The acceptor refused a delivery: <c>bad_body</c>, or <c>unavailable</c> (the inbox could not write it).</summary>
    public void EventRejected(string reason) => _rejected.Add(1, _reasons.For(reason));

    /// <summary>
    /// A delivery to <c>/slack/events</c> refused before its body was read as an event;
    /// <paramref name="reason"/> is one of a few fixed words (<c>bad_signature</c>, <c>stale_timestamp</c>…).
    /// </summary>
    public void EventRefused(string reason)
    {
        _received.Add(1);
        _rejected.Add(1, _reasons.For(reason));
    }

    public void EventsProcessed(int ok, int failed, int duplicates)
    {
        if (ok > 0)
        {
            _processed.Add(ok, Ok);
        }

        if (failed > 0)
        {
            _processed.Add(failed, Failed);
        }

        if (duplicates > 0)
        {
            _deduplicated.Add(duplicates);
        }
    }

    /// <summary>The inbox's gauges, read at each collection: its backlog and the age of its oldest event.</summary>
    public void ObserveInbox(IInboxBacklog backlog, TimeProvider time)
    {
        _meter.CreateObservableGauge("asynccoach.inbox.backlog", () => backlog.Read().Pending, "{event}", "Acknowledged events not processed yet");
        _meter.CreateObservableGauge("asynccoach.inbox.oldest_age", () => OldestAge(backlog, time), "s", "How long the oldest unprocessed event has waited (0 when none)");
    }

    public void RoundCompleted(TimeSpan elapsed) => _roundDuration.Record(elapsed.TotalSeconds);

    /// <summary>Findings and the nudges they raised are durable; each nudge's trace is handed on to its send.</summary>
    public void FindingsCommitted(IReadOnlyList<Finding> findings, IReadOnlyList<(long Id, ActivityContext Trace)> nudges)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            _findings.Add(1, _rules.For(findings[i].RuleId));
        }

        if (nudges.Count > 0)
        {
            _nudgesQueued.Add(nudges.Count);
            for (var i = 0; i < nudges.Count; i++)
            {
                Tracing.NudgeQueued(nudges[i].Id, nudges[i].Trace);
            }
        }
    }

    /// <summary>An outbox row ended (<c>sent</c>, <c>expired</c>, <c>failed</c>); counted under its kind's metric.</summary>
    public void OutboxEnded(string kind, string state, string? reason)
    {
        var sent = state == IOutboxStore.Sent;
        switch (kind)
        {
            case IOutboxStore.NudgeKind when sent:
                _nudgesSent.Add(1);
                break;
            case IOutboxStore.NudgeKind when state == IOutboxStore.Expired:
                _nudgesExpired.Add(1);
                break;
            case IOutboxStore.NudgeKind:
                _nudgesFailed.Add(1, _reasons.For(reason ?? state));
                break;
            case IHomeViewStore.Kind when sent:
                _homeViewsPublished.Add(1);
                break;
            case IHomeViewStore.Kind:
                _homeViewsFailed.Add(1, _reasons.For(reason ?? state));
                break;
            case DigestKindSender.DigestKind or DigestPreviewSender.PreviewKind when sent:
                _digestsSent.Add(1, _kinds.For(kind));
                break;
            case DigestKindSender.DigestKind or DigestPreviewSender.PreviewKind:
                _digestsFailed.Add(1, _reasons.For(reason ?? state));
                break;
        }
    }

    public void OutboxDeferred(string kind, string reason) => _deferred.Add(1, _kinds.For(kind), _reasons.For(reason));

    /// <summary>One attempt of a Web API call; <paramref name="status"/> 0 when no HTTP answer came.</summary>
    public void SlackCall(string method, int status, TimeSpan elapsed, TimeSpan? retryAfter)
    {
        var methodTag = _methods.For(method);
        _slackCalls.Add(1, methodTag, _statuses.For(StatusText(status)));
        _slackCallDuration.Record(elapsed.TotalSeconds, methodTag);
        if (status == 429)
        {
            _rateLimited.Add(1, methodTag);
            _rateLimitWait.Record((retryAfter ?? TimeSpan.Zero).TotalSeconds, methodTag);
        }
    }

    public void SocketModeOpened()
    {
        _socketOpened.Add(1);
        _socketOpen.Add(1);
    }

    public void SocketModeClosed(string reason)
    {
        _socketClosed.Add(1, _reasons.For(reason));
        _socketOpen.Add(-1);
    }

    public void SocketModeReconnecting() => _socketReconnects.Add(1);

    public void RetentionDeleted(string table, long rows)
    {
        if (rows > 0)
        {
            _retentionDeleted.Add(rows, _tables.For(table));
        }
    }

    public void RetentionDeleted(IReadOnlyDictionary<string, int> rowsByTable)
    {
        foreach (var (table, rows) in rowsByTable)
        {
            RetentionDeleted(table, rows);
        }
    }

    private static double OldestAge(IInboxBacklog backlog, TimeProvider time) =>
        backlog.Read().OldestReceivedAt is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0;

    private static string StatusText(int status) => status switch
    {
        200 => "200",
        429 => "429",
        0 => "error",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
