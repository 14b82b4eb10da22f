using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Installations;

/// <summary>
/// At start, in the background (start-up does not wait for Slack): learns which team the
/// configured <c>Slack:BotToken</c> serves, which also reactivates that team after a reinstall
/// with a new token.
/// </summary>
public sealed partial class InstallationStartup(
    ConfiguredBotToken configured, DatabaseReadiness database, ILogger<InstallationStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await database.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        if (configured.Token is not null)
        {
            try
            {
                await configured.TeamAsync(stoppingToken);
            }
            catch (SlackApiException ex)
            {
                // Asked again by the first call that needs it.
                Log.NotLearned(logger, ex.Error);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "auth.test for Slack:BotToken failed ({Error}); asked again on the first call that needs it")]
        public static partial void NotLearned(ILogger logger, string error);
    }
}
