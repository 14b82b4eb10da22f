using AsyncCoach.Core.Model;
using AsyncCoach.Installations;

namespace AsyncCoach.Workspace;

/// <summary>
/// Lists a newly installed workspace's people in the background (<c>users.list</c>, paginated,
/// within its Tier 2 budget), as <see cref="WorkspaceWarmup"/> does at start, so its first messages
/// need no <c>users.info</c> each. An org-wide install is not listed here: its workspaces are not
/// known yet, and each is listed when its first event arrives (<c>InboxLookAhead</c>).
/// </summary>
public sealed class InstallWarmup(SlackWorkspaceDirectory directory) : IInstallObserver
{
    public void Installed(string teamId, bool isEnterpriseInstall)
    {
        if (!isEnterpriseInstall)
        {
            _ = directory.RewarmAsync(new TeamId(teamId));
        }
    }
}
