using AsyncCoach.Core.Model;
using AsyncCoach.Inbox;
using AsyncCoach.Slack.Events;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Runs message events through the tracker and rules: new messages are observed, edits are
/// re-evaluated while no nudge has gone out, deletions drop a pending finding. Final findings go
/// to the <see cref="IFindingSink"/>. The message text lives only for the duration of this call.
/// </summary>
public sealed partial class RulesMessagePipeline(
    TrackerHost tracker,
    MessageContextLoader contexts,
    IFindingSink sink,
    ActivityTally activity,
    INudgeLedger ledger,
    ILogger<RulesMessagePipeline> logger) : IMessagePipeline
{
    public async Task HandleAsync(InboxEvent inboxEvent, SlackEvent message, CancellationToken cancellationToken)
    {
        await tracker.EnsureRestoredAsync(cancellationToken);
        var team = inboxEvent.TeamId;
        switch (message.Subtype)
        {
            case "message_deleted" when message.Channel is { } channel && MessageTs.IsValid(message.DeletedTs):
                tracker.Retract(new TeamId(team), new ChannelId(channel), new MessageTs(message.DeletedTs!));
                return;

            case "message_changed" when message.Message is { } edited:
                if (edited.BotId is not null || edited.Subtype is not null)
                {
                    return;
                }

                var editedMessage = SlackMessageMapper.ToChatMessage(team, message.Channel, message.ChannelType, edited);
                if (editedMessage is null)
                {
                    return;
                }

                if (await ledger.WasNudgedAsync(editedMessage.Team, editedMessage.Channel, editedMessage.Ts, cancellationToken))
                {
                    Log.EditAfterNudge(logger);
                    return;
                }

                var editContext = await contexts.LoadAsync(editedMessage, !inboxEvent.LookupsPending, cancellationToken);
                await sink.AcceptAsync(tracker.ObserveEdit(editedMessage, editContext), cancellationToken);
                return;

            case "message_changed" or "message_deleted":
                return;
        }

        var chat = SlackMessageMapper.ToChatMessage(team, message.Channel, message.ChannelType, message);
        if (chat is null)
        {
            Log.Unusable(logger);
            return;
        }

        var context = await contexts.LoadAsync(chat, !inboxEvent.LookupsPending, cancellationToken);
        var findings = tracker.Observe(chat, context);
        activity.Seen(chat, findings);
        await sink.AcceptAsync(findings, cancellationToken);
    }

    /// <summary>
    /// The message <see cref="HandleAsync"/> will judge for this event (the new version of an
    /// edit by a person), or null when it judges none: what the inbox look-ahead prepares.
    /// </summary>
    public static ChatMessage? MessageToJudge(string team, SlackEvent message) => message.Subtype switch
    {
        "message_changed" when message.Message is { BotId: null, Subtype: null } edited =>
            SlackMessageMapper.ToChatMessage(team, message.Channel, message.ChannelType, edited),
        "message_changed" or "message_deleted" => null,
        _ => SlackMessageMapper.ToChatMessage(team, message.Channel, message.ChannelType, message),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "An edited message was already nudged; not re-evaluated")]
        public static partial void EditAfterNudge(ILogger logger);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "A message event without channel, user or ts was skipped")]
        public static partial void Unusable(ILogger logger);
    }
}
