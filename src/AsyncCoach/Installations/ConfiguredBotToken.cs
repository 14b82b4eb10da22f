using AsyncCoach.Slack;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// The single-workspace <c>Slack:BotToken</c> of self-hosters. It serves the team <c>auth.test</c>
/// says it belongs to, and no other: learned once, in the background at start, and awaited by a
/// call that needs it before then. A transient failure is not remembered (the next caller asks
/// again); a refusal (<c>invalid_auth</c>, <c>token_revoked</c>) is, until a restart with a new token.
/// </summary>
public sealed partial class ConfiguredBotToken(
    IOptions<SlackOptions> options,
    SlackWebApiClientFactory clients,
    IInstallationStore installations,
    TimeProvider time,
    ILogger<ConfiguredBotToken> logger)
{
    private readonly Lock _gate = new();
    private Task<ConfiguredTeam>? _learning;

    /// <summary>The configured token, or null when none is set. Never logged.</summary>
    public string? Token => string.IsNullOrWhiteSpace(options.Value.BotToken) ? null : options.Value.BotToken;

    /// <summary>Which team the token serves (asks Slack once); throws <see cref="SlackApiException"/> when Slack could not be asked.</summary>
    public Task<ConfiguredTeam> TeamAsync(CancellationToken cancellationToken)
    {
        Task<ConfiguredTeam> learning;
        lock (_gate)
        {
            if (_learning is null || _learning.IsFaulted || _learning.IsCanceled)
            {
                _learning = LearnAsync();
            }

            learning = _learning;
        }

        return learning.WaitAsync(cancellationToken);
    }

    private async Task<ConfiguredTeam> LearnAsync()
    {
        if (Token is not { } token)
        {
            return new ConfiguredTeam(null, null);
        }

        try
        {
            var auth = await clients.Create(token).AuthTestAsync(CancellationToken.None);
            var team = auth.IsEnterpriseInstall && auth.EnterpriseId is { Length: > 0 } org ? org : auth.TeamId;
            if (string.IsNullOrEmpty(team))
            {
                Log.Refused(logger, SlackErrorCodes.InvalidResponse);
                return new ConfiguredTeam(null, SlackErrorCodes.InvalidResponse);
            }

            await installations.RegisterConfiguredAsync(
                team, auth.EnterpriseId, auth.IsEnterpriseInstall, auth.UserId, time.GetUtcNow(), CancellationToken.None);
            Log.Learned(logger, team);
            return new ConfiguredTeam(team, null);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            Log.Refused(logger, ex.Error);
            return new ConfiguredTeam(null, ex.Error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Slack:BotToken belongs to team {TeamId} (auth.test); it serves that team only")]
        public static partial void Learned(ILogger logger, string teamId);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Slack:BotToken was refused by auth.test ({Error}); no calls are made with it until it is replaced and the service restarted")]
        public static partial void Refused(ILogger logger, string error);
    }
}

/// <summary>The team the configured token serves, or why it serves none (<see cref="Error"/>; both null: no token).</summary>
public sealed record ConfiguredTeam(string? TeamId, string? Error);
