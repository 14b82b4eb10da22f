using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Workspace;

/// <summary>
/// At start, in the background, lists the people of every installed workspace and of the one the
/// configured bot token serves (<see cref="SlackWorkspaceDirectory.WarmAsync"/>, each within its
/// own Tier 2 budget), so that the first messages after a restart need no <c>users.info</c> each.
/// A workspace installed later is listed when its first event comes in (<c>InboxLookAhead</c>).
/// Never takes the service down: on failure people are looked up one by one.
/// </summary>
public sealed partial class WorkspaceWarmup(
    IInstallationStore installations, ConfiguredBotToken configured, DatabaseReadiness database, SlackWorkspaceDirectory directory, ILogger<WorkspaceWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await database.WaitForMigrationAsync(stoppingToken))
            {
                return;
            }

            var teams = new HashSet<string>(await installations.ActiveTeamsAsync(stoppingToken), StringComparer.Ordinal);
            if (configured.Token is not null && (await configured.TeamAsync(stoppingToken)).TeamId is { } own)
            {
                teams.Add(own);
            }

            foreach (var team in teams)
            {
                _ = directory.WarmAsync(new TeamId(team));
            }
        }
        catch (SlackApiException ex)
        {
            Log.Failed(logger, ex.Error);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2730, Level = LogLevel.Warning, Message = "Could not tell which workspaces to list at start ({Error}); their people are looked up as needed")]
        public static partial void Failed(ILogger logger, string error);
    }
}
