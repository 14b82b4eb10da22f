using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// <c>app_uninstalled</c> and <c>tokens_revoked</c>: all work for the team stops at once (its
/// calls are refused without reaching Slack, pending outbox rows end), and its data is deleted
/// after <see cref="RetentionOptions.UninstalledTeamDays"/>, at once when that is 0. AsyncCoach asks
/// for no user tokens, so a <c>tokens_revoked</c> it receives is about its bot token.
/// </summary>
public sealed partial class LeavingHandler(
    IInstallationStore installations,
    ITeamDataStore data,
    RetentionPass retention,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<LeavingHandler> logger)
{
    public async Task HandleAsync(InboxEvent inboxEvent, string eventType, CancellationToken cancellationToken)
    {
        var envelope = inboxEvent.Envelope;
        var team = envelope is { IsEnterpriseInstall: true, EnterpriseId: { Length: > 0 } org } ? org : inboxEvent.TeamId;
        await installations.MarkLeftAsync(team, eventType, time.GetUtcNow(), cancellationToken);
        var ended = await data.EndPendingAsync(team, eventType, cancellationToken);
        Log.Left(logger, team, eventType, ended, options.Value.UninstalledTeamDays);
        if (options.Value.UninstalledTeamDays <= 0)
        {
            await retention.PurgeTeamAsync(team, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2232, Level = LogLevel.Warning,
            Message = "Team {TeamId} left ({EventType}): nothing more is sent for it, {Ended} pending nudges ended; its data is deleted after {Days} days unless it reinstalls")]
        public static partial void Left(ILogger logger, string teamId, string eventType, int ended, int days);
    }
}
