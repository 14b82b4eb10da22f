using System.Collections.Concurrent;
using AsyncCoach.Storage;

namespace AsyncCoach.Installations;

/// <summary>
/// Enterprise Grid org-wide installs: an event from workspace <c>T…</c> that carries
/// <c>enterprise_id</c> with <c>is_enterprise_install</c> is served by the organisation's
/// installation (keyed by its <c>E…</c> id). Learned from events, kept in installation_teams so a
/// restart does not forget, cached in memory (read on every call of a team without its own installation).
/// </summary>
public sealed class OrgTeams(IInstallationStore installations, TimeProvider time)
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

    /// <summary>
    /// Links <paramref name="teamId"/> to its organisation when a request says it comes from an
    /// org-wide install (<paramref name="isEnterpriseInstall"/> with <paramref name="enterpriseId"/>),
    /// as an event does in <c>EventDispatcher</c>: a slash command or a click can come from a
    /// workspace whose events have not been seen yet, and its calls need the org's token.
    /// </summary>
    public Task LinkIfOrgWideAsync(string? teamId, string? enterpriseId, bool isEnterpriseInstall, CancellationToken cancellationToken) =>
        isEnterpriseInstall && teamId is { Length: > 0 } team && enterpriseId is { Length: > 0 } org && !IsKnown(team, org)
            ? LinkAsync(team, org, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Notes that <paramref name="teamId"/> belongs to org-wide installation <paramref name="enterpriseId"/>.</summary>
    public async Task LinkAsync(string teamId, string enterpriseId, CancellationToken cancellationToken)
    {
        await installations.LinkTeamAsync(teamId, enterpriseId, time.GetUtcNow(), cancellationToken);
        _orgs[teamId] = enterpriseId;
    }
}
