using AsyncCoach.AppHome;
using AsyncCoach.Core.Model;
using AsyncCoach.Slack.Events;

namespace AsyncCoach.Inbox;

/// <summary>
/// Routes a stored event to its handler by type: a plain switch, nothing clever. Our own and
/// other bots' messages and housekeeping subtypes are dropped here (bolt's ignoreSelf).
/// </summary>
public sealed partial class EventDispatcher(
    IMessagePipeline messages,
    Installations.OrgTeams orgs,
    Installations.LeavingHandler leaving,
    AppHomeOpenedHandler appHome,
    ILogger<EventDispatcher> logger) : IInboxHandler
{
    public Task HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        // Enterprise Grid org-wide install: this workspace's calls go out with the org's token.
        if (inboxEvent.Envelope is { IsEnterpriseInstall: true, EnterpriseId: { Length: > 0 } org } && !orgs.IsKnown(inboxEvent.TeamId, org))
        {
            return LinkThenDispatchAsync(org, inboxEvent, cancellationToken);
        }

        return DispatchAsync(inboxEvent, cancellationToken);
    }

    private async Task LinkThenDispatchAsync(string org, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        await orgs.LinkAsync(inboxEvent.TeamId, org, cancellationToken);
        await DispatchAsync(inboxEvent, cancellationToken);
    }

    private Task DispatchAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        var slackEvent = inboxEvent.Envelope.Event;
        switch (slackEvent?.Type)
        {
            case "message" when IsFromBot(slackEvent, inboxEvent.Envelope):
            case "message" when !IsEvaluated(slackEvent.Subtype):
                Log.Skipped(logger, slackEvent.Subtype ?? "bot");
                return Task.CompletedTask;
            case "message":
                return messages.HandleAsync(inboxEvent, slackEvent, cancellationToken);
            case AppHomeOpenedHandler.EventType:
                return appHome.HandleAsync(inboxEvent, slackEvent, cancellationToken);
            case "app_uninstalled" or "tokens_revoked":
                return leaving.HandleAsync(inboxEvent, slackEvent.Type, cancellationToken);
            default:
                Log.Ignored(logger, slackEvent?.Type ?? "(none)");
                return Task.CompletedTask;
        }
    }

    /// <summary>True when <see cref="HandleAsync"/> hands this event to the message pipeline (the look-ahead prepares exactly those).</summary>
    public static bool IsJudgedMessage(EventEnvelope envelope) =>
        envelope.Event is { Type: "message" } message
        && !IsFromBot(message, envelope)
        && IsEvaluated(message.Subtype);

    // A person writing (one definition with the audit's), or an edit or deletion of a message.
    private static bool IsEvaluated(string? subtype) =>
        MessageSubtypes.IsHuman(subtype) || subtype is "message_changed" or "message_deleted";

    private static bool IsFromBot(SlackEvent message, EventEnvelope envelope)
    {
        if (message.BotId is not null || message.Subtype == "bot_message" || message.User == "USLACKBOT")
        {
            return true;
        }

        // The loop guard: our own bot user, as named in the authorizations of this delivery.
        return envelope.Authorizations?.Any(a => a.IsBot && a.UserId == message.User) == true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Skipped a message ({Reason})")]
        public static partial void Skipped(ILogger logger, string reason);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Ignored an event of type {EventType}")]
        public static partial void Ignored(ILogger logger, string eventType);
    }
}
