using AsyncCoach.Core.Model;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Workspace;

/// <summary>
/// At start, lists the people of the workspace the configured bot token belongs to
/// (<see cref="SlackWorkspaceDirectory.WarmAsync"/>), in the background, so that the first
/// messages after a restart need no <c>users.info</c> each. A workspace met later (a new
/// installation) is listed when its first event comes in (<c>InboxLookAhead</c>).
/// Never takes the service down: on failure people are looked up one by one.
/// </summary>
public sealed partial class WorkspaceWarmup(ISlackWebApi slack, SlackWorkspaceDirectory directory, ILogger<WorkspaceWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Off the start-up path: the host is ready before this runs.
            await Task.Yield();
            var auth = await slack.AuthTestAsync(stoppingToken);
            if (auth.TeamId is { Length: > 0 } team)
            {
                await directory.WarmAsync(new TeamId(team));
            }
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException || ex is OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            Log.Failed(logger, ex.GetType().Name);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2730, Level = LogLevel.Warning, Message = "Could not list the workspace's people at start ({Error}); they are looked up as needed")]
        public static partial void Failed(ILogger logger, string error);
    }
}
