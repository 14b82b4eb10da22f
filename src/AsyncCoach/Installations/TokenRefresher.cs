using System.Collections.Concurrent;
using AsyncCoach.Slack;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// Token rotation: an installation whose token is within
/// <see cref="InstallationOptions.RefreshBeforeExpiry"/> of expiring gets a new one from
/// <c>oauth.v2.access grant_type=refresh_token</c> before the next call uses it. One refresh per
/// team at a time: concurrent callers await the same one (a refresh token is single-use, so a
/// second refresh with it would fail). The new pair is stored before anyone uses it, so a crash
/// cannot leave the only working token in memory.
/// </summary>
public sealed partial class TokenRefresher(
    IInstallationStore installations,
    ITokenProtector protector,
    SlackWebApiClientFactory clients,
    IOptions<SlackOptions> slack,
    IOptions<InstallationOptions> options,
    TimeProvider time,
    ILogger<TokenRefresher> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TeamCredential>>> _refreshing = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="installation"/>'s token should be refreshed now.</summary>
    public bool IsDue(Installation installation) =>
        installation is { TokenExpiresAt: { } expires, ProtectedRefreshToken: not null }
        && time.GetUtcNow() >= expires - options.Value.RefreshBeforeExpiry;

    /// <summary>The team's credential after a refresh (shared by concurrent callers).</summary>
    public Task<TeamCredential> RefreshAsync(Installation installation, CancellationToken cancellationToken)
    {
        var refresh = _refreshing.GetOrAdd(installation.TeamId, team => new Lazy<Task<TeamCredential>>(() => RunAsync(team)));
        return refresh.Value.WaitAsync(cancellationToken);
    }

    private async Task<TeamCredential> RunAsync(string teamId)
    {
        try
        {
            // Read again: a refresh that just finished has already stored a fresh token.
            var installation = await installations.GetAsync(teamId, CancellationToken.None);
            if (installation is not { ProtectedBotToken: { } stored })
            {
                return TeamCredential.DryRun;
            }

            if (!installation.IsUsable)
            {
                return TeamCredential.Refused(installation.Reason ?? "installation_inactive");
            }

            if (!IsDue(installation) || installation.ProtectedRefreshToken is not { } protectedRefresh)
            {
                return TeamCredential.WithToken(protector.Unprotect(stored));
            }

            return await ExchangeAsync(installation, stored, protectedRefresh);
        }
        finally
        {
            _refreshing.TryRemove(teamId, out _);
        }
    }

    private async Task<TeamCredential> ExchangeAsync(Installation installation, string stored, string protectedRefresh)
    {
        var settings = slack.Value;
        if (settings.ClientId is not { Length: > 0 } clientId || settings.ClientSecret is not { Length: > 0 } secret)
        {
            Log.CannotRefresh(logger, installation.TeamId);
            return StillValid(installation, stored, "token_expired");
        }

        OAuthV2AccessResponse access;
        try
        {
            access = await clients.CreateOAuth().OAuthV2AccessAsync(
                new OAuthV2AccessRequest(clientId, secret) { RefreshToken = protector.Unprotect(protectedRefresh) }, CancellationToken.None);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            // invalid_refresh_token and the like: the installation needs a reinstall.
            Log.RefreshRefused(logger, installation.TeamId, ex.Error);
            await installations.SetAsync(installation.TeamId, active: false, ex.Error, time.GetUtcNow(), CancellationToken.None);
            return TeamCredential.Refused(ex.Error);
        }
        catch (SlackApiException ex)
        {
            Log.RefreshFailed(logger, installation.TeamId, ex.Error);
            return StillValid(installation, stored, ex.Error);
        }

        if (access.AccessToken is not { Length: > 0 } token)
        {
            Log.RefreshFailed(logger, installation.TeamId, SlackErrorCodes.InvalidResponse);
            return StillValid(installation, stored, SlackErrorCodes.InvalidResponse);
        }

        var now = time.GetUtcNow();
        await installations.UpdateTokensAsync(
            installation.TeamId,
            protector.Protect(token),
            access.RefreshToken is { Length: > 0 } refresh ? protector.Protect(refresh) : installation.ProtectedRefreshToken,
            access.ExpiresIn is > 0 and var seconds ? now.AddSeconds(seconds) : null,
            now,
            CancellationToken.None);
        Log.Refreshed(logger, installation.TeamId);
        return TeamCredential.WithToken(token);
    }

    /// <summary>A refresh that could not happen: the old token while it lasts, then a transient refusal to retry later.</summary>
    private TeamCredential StillValid(Installation installation, string stored, string error) =>
        installation.TokenExpiresAt is { } expires && time.GetUtcNow() < expires
            ? TeamCredential.WithToken(protector.Unprotect(stored))
            : TeamCredential.Refused(error == "token_expired" ? error : SlackErrorCodes.ServiceUnavailable);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2220, Level = LogLevel.Information, Message = "Refreshed the token of {TeamId} (token rotation)")]
        public static partial void Refreshed(ILogger logger, string teamId);

        [LoggerMessage(EventId = 2221, Level = LogLevel.Warning, Message = "Refreshing the token of {TeamId} failed ({Error}); retried on the next call")]
        public static partial void RefreshFailed(ILogger logger, string teamId, string error);

        [LoggerMessage(EventId = 2222, Level = LogLevel.Error, Message = "Slack refused to refresh the token of {TeamId} ({Error}); the team is inactive until it is reinstalled")]
        public static partial void RefreshRefused(ILogger logger, string teamId, string error);

        [LoggerMessage(EventId = 2223, Level = LogLevel.Error, Message = "The token of {TeamId} needs refreshing but Slack:ClientId / Slack:ClientSecret are not set")]
        public static partial void CannotRefresh(ILogger logger, string teamId);
    }
}
