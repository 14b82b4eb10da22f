using AsyncCoach.Slack;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// The install flow's two steps: the authorize URL (with a fresh state), and the callback, which
/// checks the state, exchanges the code with <c>oauth.v2.access</c> and stores the installation
/// with its tokens encrypted. Each outcome is an <see cref="InstallOutcome"/> the page explains.
/// </summary>
public sealed partial class OAuthInstaller(
    IOptions<SlackOptions> slack,
    IOptions<InstallationOptions> options,
    OAuthStates states,
    SlackWebApiClientFactory clients,
    IInstallationStore installations,
    ITokenProtector protector,
    IEnumerable<IInstallObserver> observers,
    TimeProvider time,
    ILogger<OAuthInstaller> logger)
{
    private readonly IInstallObserver[] _observers = [.. observers];

    /// <summary>Slack's authorize URL for a new install, or null when the OAuth keys are not configured.</summary>
    public Uri? AuthorizeUrl()
    {
        var settings = slack.Value;
        if (!settings.HasOAuth || settings.ClientId is not { } clientId || settings.RedirectUri is not { } redirect)
        {
            return null;
        }

        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(clientId),
            "scope=" + Uri.EscapeDataString(options.Value.BotScopes),
            "user_scope=",
            "redirect_uri=" + Uri.EscapeDataString(redirect.ToString()),
            "state=" + Uri.EscapeDataString(states.Issue()));
        return new UriBuilder(options.Value.AuthorizeUrl) { Query = query }.Uri;
    }

    /// <summary>Handles Slack's redirect back: <paramref name="error"/> when the user declined, else <paramref name="code"/>.</summary>
    public async Task<InstallOutcome> CompleteAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var settings = slack.Value;
        if (!settings.HasOAuth || settings.ClientId is not { } clientId || settings.ClientSecret is not { } secret || settings.RedirectUri is not { } redirect)
        {
            return InstallOutcome.Failed(InstallFailure.NotConfigured);
        }

        var check = await states.UseAsync(state, cancellationToken);
        if (!string.IsNullOrEmpty(error))
        {
            // Declined (access_denied) or refused by Slack before any code: say so, whatever the state.
            Log.Declined(logger, Short(error));
            return InstallOutcome.Failed(InstallFailure.Declined, Short(error));
        }

        if (check != OAuthStateCheck.Valid)
        {
            Log.BadState(logger, check);
            return InstallOutcome.Failed(check switch
            {
                OAuthStateCheck.Expired => InstallFailure.StateExpired,
                OAuthStateCheck.Replayed => InstallFailure.StateReplayed,
                _ => InstallFailure.StateInvalid,
            });
        }

        if (string.IsNullOrEmpty(code))
        {
            return InstallOutcome.Failed(InstallFailure.MissingCode);
        }

        OAuthV2AccessResponse access;
        try
        {
            access = await clients.CreateOAuth().OAuthV2AccessAsync(
                new OAuthV2AccessRequest(clientId, secret) { Code = code, RedirectUri = redirect.ToString() }, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            Log.ExchangeFailed(logger, ex.Error);
            return InstallOutcome.Failed(ex.IsTransient || ex.Error is SlackErrorCodes.NetworkError or SlackErrorCodes.ClientTimeout
                ? InstallFailure.SlackUnreachable
                : InstallFailure.SlackError, ex.Error);
        }

        var teamKey = access.IsEnterpriseInstall ? access.Enterprise?.Id : access.Team?.Id;
        if (string.IsNullOrEmpty(teamKey) || string.IsNullOrEmpty(access.AccessToken))
        {
            Log.ExchangeFailed(logger, SlackErrorCodes.InvalidResponse);
            return InstallOutcome.Failed(InstallFailure.SlackError, SlackErrorCodes.InvalidResponse);
        }

        var now = time.GetUtcNow();
        await installations.SaveAsync(new Installation(
            teamKey,
            Active: true,
            Reason: null,
            Source: Installation.FromOAuth,
            EnterpriseId: access.Enterprise?.Id,
            IsEnterpriseInstall: access.IsEnterpriseInstall,
            BotUserId: access.BotUserId,
            ProtectedBotToken: protector.Protect(access.AccessToken),
            ProtectedRefreshToken: access.RefreshToken is { Length: > 0 } refresh ? protector.Protect(refresh) : null,
            TokenExpiresAt: access.ExpiresIn is > 0 and var seconds ? now.AddSeconds(seconds) : null,
            Scopes: access.Scope,
            InstallerUserId: access.AuthedUser?.Id,
            InstalledAt: now), now, cancellationToken);
        Log.Installed(logger, teamKey, access.IsEnterpriseInstall, access.RefreshToken is { Length: > 0 });
        Notify(teamKey, access.IsEnterpriseInstall);
        return new InstallOutcome(null, null, teamKey, access.IsEnterpriseInstall ? access.Enterprise?.Name : access.Team?.Name);
    }

    // The install is stored and its page must say so: what follows (warming the workspace's people) cannot undo it.
    private void Notify(string teamKey, bool isEnterpriseInstall)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Installed(teamKey, isEnterpriseInstall);
            }
            catch (Exception ex)
            {
                Log.ObserverFailed(logger, teamKey, ex);
            }
        }
    }

    // What Slack puts in error= is echoed on the page and logged: keep it short.
    private static string Short(string error) => error.Length <= 64 ? error : error[..64];

    private static partial class Log
    {
        [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Installed for {TeamId} (org-wide: {IsEnterpriseInstall}, token rotation: {Rotates})")]
        public static partial void Installed(ILogger logger, string teamId, bool isEnterpriseInstall, bool rotates);

        [LoggerMessage(EventId = 2211, Level = LogLevel.Information, Message = "Install declined at Slack ({Error})")]
        public static partial void Declined(ILogger logger, string error);

        [LoggerMessage(EventId = 2212, Level = LogLevel.Warning, Message = "Install callback refused: state {Check}")]
        public static partial void BadState(ILogger logger, OAuthStateCheck check);

        [LoggerMessage(EventId = 2213, Level = LogLevel.Warning, Message = "oauth.v2.access failed ({Error}); nothing installed")]
        public static partial void ExchangeFailed(ILogger logger, string error);

        [LoggerMessage(EventId = 2905, Level = LogLevel.Warning, Message = "Installed for {TeamId}, but starting the work that follows an install failed")]
        public static partial void ObserverFailed(ILogger logger, string teamId, Exception exception);
    }
}

/// <summary>What the callback did: installed (<see cref="TeamId"/>), or why not.</summary>
public sealed record InstallOutcome(InstallFailure? Failure, string? Error, string? TeamId, string? TeamName)
{
    public static InstallOutcome Failed(InstallFailure failure, string? error = null) => new(failure, error, null, null);
}

public enum InstallFailure
{
    NotConfigured,
    Declined,
    StateInvalid,
    StateExpired,
    StateReplayed,
    MissingCode,
    SlackError,
    SlackUnreachable,
}
