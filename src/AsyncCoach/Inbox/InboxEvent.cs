using AsyncCoach.Slack.Events;

namespace AsyncCoach.Inbox;

/// <summary>A stored event being processed: the inbox row's identity and its parsed envelope.</summary>
public sealed record InboxEvent(long RowId, string EventId, string TeamId, EventEnvelope Envelope)
{
    /// <summary>
    /// True when the look-ahead stopped waiting for this event's lookups (Workspace:MaxLookupWait):
    /// it is judged with what is known now, and nothing is asked of Slack on the processor's thread.
    /// </summary>
    public bool LookupsPending { get; init; }
}

/// <summary>What the inbox processor hands each event to.</summary>
public interface IInboxHandler
{
    Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken);
}
