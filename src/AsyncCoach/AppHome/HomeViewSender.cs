using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.AppHome;

/// <summary>
/// The outbox's <c>home</c> kind: builds the recipient's page from the state at sending time and
/// calls <c>views.publish</c>. A page over Block Kit's limits is not sent (Slack would refuse it
/// as <c>invalid_blocks</c>); the row fails with that code and the broken limits are logged.
/// </summary>
public sealed partial class HomeViewSender(HomePageLoader loader, ILogger<HomeViewSender> logger) : IOutboxKindSender
{
    public string Kind => IHomeViewStore.Kind;

    public async Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken)
    {
        var model = await loader.LoadAsync(row.TeamId, row.AuthorId, cancellationToken);
        var view = HomePage.Build(model);
        if (view.Validate() is { Count: > 0 } violations)
        {
            Log.OverLimits(logger, row.Id, string.Join("; ", violations));
            throw new SlackApiException("views.publish", "invalid_blocks", "refused before sending: over Block Kit limits");
        }

        await slack.PublishViewAsync(new PublishViewRequest(row.AuthorId, view), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2603, Level = LogLevel.Error, Message = "Home tab {OutboxId} is over Block Kit limits and was not sent: {Violations}")]
        public static partial void OverLimits(ILogger logger, long outboxId, string violations);
    }
}
