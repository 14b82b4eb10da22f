using AsyncCoach.Slack.Events;

namespace AsyncCoach.Inbox;

/// <summary>Accepts messages without evaluating them; used until the rule engine is wired in.</summary>
public sealed class PassThroughMessagePipeline : IMessagePipeline
{
    public Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken) => Task.CompletedTask;
}
