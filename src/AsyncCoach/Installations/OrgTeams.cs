using System.Collections.Concurrent;
using AsyncCoach.Storage;

namespace AsyncCoach.Installations;

/// <summary>
/// Enterprise Grid org-wide installs: an event from workspace <c>T…</c> that carries
/// <c>enterprise_id</c> with <c>is_enterprise_install</c> is served by the organisation's
/// installation (keyed by its <c>E…</c> id). Learned from events, kept in installation_teams so a
/// restart does not forget, cached in memory (read on every call of a team without its own installation).
/// </summary>
public sealed class OrgTeams(InstallationStore installations, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string?> _orgs = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="teamId"/> is already known to belong to <paramref name="enterpriseId"/>'s org-wide installation.</summary>
    public bool IsKnown(string teamId, string enterpriseId) =>
        _orgs.TryGetValue(teamId, out var known) && known == enterpriseId;

    /// <summary>The organisation serving <paramref name="teamId"/>, or null.</summary>
    public async ValueTask<string?> OrgOfAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_orgs.TryGetValue(teamId, out var org))
        {
            return org;
        }

        return _orgs[teamId] = await installations.OrgOfAsync(teamId, cancellationToken);
    }

    /// <summary>Notes that <paramref name="teamId"/> belongs to org-wide installation <paramref name="enterpriseId"/>.</summary>
    public async Task LinkAsync(string teamId, string enterpriseId, CancellationToken cancellationToken)
    {
        await installations.LinkTeamAsync(teamId, enterpriseId, time.GetUtcNow(), cancellationToken);
        _orgs[teamId] = enterpriseId;
    }
}
