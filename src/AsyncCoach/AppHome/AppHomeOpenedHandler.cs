using AsyncCoach.Inbox;
using AsyncCoach.Slack.Events;

namespace AsyncCoach.AppHome;

/// <summary>
/// <c>app_home_opened</c> on the Home tab: publishes the person's page (through the outbox,
/// coalesced). The Messages and About tabs fire the same event and are ignored.
/// </summary>
public sealed partial class AppHomeOpenedHandler(HomePublisher publisher, ILogger<AppHomeOpenedHandler> logger)
{
    public const string EventType = "app_home_opened";

    public Task HandleAsync(InboxEvent inboxEvent, SlackEvent opened, CancellationToken cancellationToken)
    {
        if (opened.Tab != "home" || string.IsNullOrEmpty(opened.User))
        {
            Log.OtherTab(logger, opened.Tab ?? "(none)");
            return Task.CompletedTask;
        }

        return publisher.RequestAsync(inboxEvent.TeamId, opened.User, changed: false, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2610, Level = LogLevel.Debug, Message = "app_home_opened on the {Tab} tab: nothing to publish")]
        public static partial void OtherTab(ILogger logger, string tab);
    }
}
