using System.Collections.Concurrent;
using System.Diagnostics;

namespace AsyncCoach.Observability;

/// <summary>
/// The trace of one nudge: <c>event.accept</c> (the event made durable and acknowledged) →
/// <c>event.process</c> (its inbox round) → <c>nudge.send</c> (the outbox) → <c>slack.call</c>
/// (each Web API attempt), one trace from acknowledgement to the Web API call. The inbox journal
/// and the outbox row do not carry the trace context (a new journal record format for something
/// only tracing needs); it is handed from one step to the next in memory instead, keyed by the
/// event id and then the outbox id, only while something listens. After a restart in between,
/// the later steps start a trace of their own, still tagged with <c>slack.event_id</c> /
/// <c>asynccoach.outbox_id</c>, so they can be found by id. See docs/observability.md.
/// </summary>
public sealed class AsyncCoachTracing
{
    public const string SourceName = "AsyncCoach";

    /// <summary>Hand-offs kept at most (a backlog larger than this loses the link of the rest, not the spans).</summary>
    internal const int MaxHandoffs = 100_000;

    public static readonly ActivitySource Source = new(SourceName);

    private readonly ConcurrentDictionary<string, ActivityContext> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ActivityContext> _nudges = new();

    /// <summary>An event is being accepted; null (and nothing kept) when nobody listens.</summary>
    public Activity? StartAccept(string eventId, string eventType)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // ASP.NET Core starts an activity for every request (for its log scopes) that nothing records
        // unless its own instrumentation is on; as a parent it would get this one dropped by the
        // parent-based sampler. The trace starts here instead (for the caller's flow only: the
        // change of Activity.Current stays inside the awaiting method that calls this).
        if (Activity.Current is { Recorded: false })
        {
            Activity.Current = null;
        }

        var activity = Source.StartActivity("event.accept");
        if (activity is not null)
        {
            activity.SetTag("slack.event_id", eventId);
            activity.SetTag("slack.event_type", eventType);
            if (_events.Count < MaxHandoffs)
            {
                _events[eventId] = activity.Context;
            }
        }

        return activity;
    }

    /// <summary>An event is processed: a child of its acceptance when that was seen by this process.</summary>
    public Activity? StartProcess(string eventId, string eventType)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        _events.TryRemove(eventId, out var accepted);
        var activity = Source.StartActivity("event.process", ActivityKind.Internal, accepted);
        activity?.SetTag("slack.event_id", eventId);
        activity?.SetTag("slack.event_type", eventType);
        return activity;
    }

    /// <summary>A nudge was committed to the outbox while <paramref name="processing"/> was current.</summary>
    public void NudgeQueued(long outboxId, ActivityContext processing)
    {
        if (processing != default && _nudges.Count < MaxHandoffs)
        {
            _nudges[outboxId] = processing;
        }
    }

    /// <summary>An outbox row is sent: a child of the processing that queued it, for a nudge.</summary>
    public Activity? StartSend(long outboxId, string kind)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        _nudges.TryRemove(outboxId, out var queued);
        var activity = Source.StartActivity(kind == Storage.IOutboxStore.NudgeKind ? "nudge.send" : "outbox.send", ActivityKind.Internal, queued);
        activity?.SetTag("asynccoach.outbox_id", outboxId);
        activity?.SetTag("asynccoach.outbox_kind", kind);
        return activity;
    }

    /// <summary>One Web API attempt, a child of whatever is current (the send).</summary>
    public static Activity? StartSlackCall(string method)
    {
        var activity = Source.StartActivity("slack.call", ActivityKind.Client);
        activity?.SetTag("rpc.system", "slack");
        activity?.SetTag("rpc.method", method);
        return activity;
    }
}
