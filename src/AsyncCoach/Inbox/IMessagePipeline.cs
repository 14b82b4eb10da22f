using AsyncCoach.Slack.Events;

namespace AsyncCoach.Inbox;

/// <summary>Where message events go once dispatched: tracker, rules, nudges.</summary>
public interface IMessagePipeline
{
    Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken);
}
