using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Installations;

/// <summary>
/// At start, in the background (start-up does not wait for Slack): learns which team the
/// configured <c>Slack:BotToken</c> serves (which also reactivates that team after a reinstall with
/// a new token), then checks each installed team's token with <c>auth.test</c>. A token Slack
/// refuses deactivates that team only; a Slack that cannot be reached changes nothing.
/// </summary>
public sealed partial class InstallationStartup(
    ConfiguredBotToken configured,
    IInstallationStore installations,
    ISlackClientFactory clients,
    DatabaseReadiness database,
    TimeProvider time,
    ILogger<InstallationStartup> logger) : BackgroundService
{
    /// <summary>Slack's answers that mean the token will never work again.</summary>
    public static readonly IReadOnlySet<string> Revoked = new HashSet<string>(StringComparer.Ordinal)
    {
        "token_revoked", "invalid_auth", "not_authed", "account_inactive", "token_expired", "team_access_not_granted",
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await database.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        try
        {
            if (configured.Token is not null)
            {
                await LearnConfiguredTeamAsync(stoppingToken);
            }

            foreach (var team in await installations.ActiveTeamsAsync(stoppingToken))
            {
                if (await installations.GetAsync(team, stoppingToken) is { Source: Installation.FromOAuth })
                {
                    await CheckAsync(team, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task LearnConfiguredTeamAsync(CancellationToken stoppingToken)
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
    }

    private async Task CheckAsync(string team, CancellationToken stoppingToken)
    {
        try
        {
            await clients.ForTeam(team).AuthTestAsync(stoppingToken);
        }
        catch (SlackApiException ex) when (Revoked.Contains(ex.Error))
        {
            await installations.SetAsync(team, active: false, ex.Error, time.GetUtcNow(), stoppingToken);
            Log.Deactivated(logger, team, ex.Error);
        }
        catch (SlackApiException ex)
        {
            Log.CheckFailed(logger, team, ex.Error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "auth.test for Slack:BotToken failed ({Error}); asked again on the first call that needs it")]
        public static partial void NotLearned(ILogger logger, string error);

        [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "The token of {TeamId} was refused by auth.test ({Error}); that team is inactive until it is reinstalled")]
        public static partial void Deactivated(ILogger logger, string teamId, string error);

        [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "auth.test for {TeamId} failed ({Error}); its installation is left as it is")]
        public static partial void CheckFailed(ILogger logger, string teamId, string error);
    }
}
