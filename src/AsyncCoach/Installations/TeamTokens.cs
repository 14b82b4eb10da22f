using AsyncCoach.Caching;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// The token source: which credential a team's calls carry. The team's own installation first
/// (its token, decrypted once and kept while the stored token is unchanged, see
/// <see cref="ClearTokens"/>); else the configured <c>Slack:BotToken</c> if that token belongs to
/// this team; else none, which is dry-run. A rotating token close to its expiry is refreshed first
/// (<see cref="TokenRefresher"/>). A team whose token stopped working or that left is refused, so
/// nothing is sent with a dead token and nothing is pretended sent.
/// </summary>
public sealed class TeamTokens(
    IInstallationStore installations, ITokenProtector protector, TokenRefresher refresher, ConfiguredBotToken configured, OrgTeams orgs,
    TimeProvider time, IOptions<CacheOptions> caches) : IDisposable
{
    private readonly ClearTokens _clear = new(protector, caches.Value, time);

    public async ValueTask<TeamCredential> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        // A workspace of an org-wide (Enterprise Grid) install has no row of its own: its org's serves it.
        var installation = await installations.GetAsync(teamId, cancellationToken)
            ?? (await orgs.OrgOfAsync(teamId, cancellationToken) is { } org ? await installations.GetAsync(org, cancellationToken) : null);
        if (installation is { IsUsable: false })
        {
            _clear.Forget(installation.TeamId);
            return TeamCredential.Refused(installation.UninstalledAt is null ? installation.Reason ?? "installation_inactive" : "app_uninstalled");
        }

        if (installation is { ProtectedBotToken: { } stored })
        {
            return refresher.IsDue(installation)
                ? await refresher.RefreshAsync(installation, cancellationToken)
                : TeamCredential.WithToken(_clear.Get(installation.TeamId, stored));
        }

        if (configured.Token is { } token)
        {
            var owner = await configured.TeamAsync(cancellationToken);
            if (owner.TeamId == teamId)
            {
                return TeamCredential.WithToken(token);
            }

            // The configured token is dead and we cannot tell whose it was: refuse rather than
            // pretend (dry-run would record a nudge as sent that nobody saw).
            if (owner.Error is { } error)
            {
                return TeamCredential.Refused(error);
            }
        }

        return TeamCredential.DryRun;
    }

    public void Dispose() => _clear.Dispose();
}
