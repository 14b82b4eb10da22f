namespace AsyncCoach.Installations;

/// <summary>
/// Told when the install flow stored an installation (a workspace's, or an organisation's for an
/// org-wide install). Called on the callback's request: start background work and return at once.
/// </summary>
public interface IInstallObserver
{
    void Installed(string teamId, bool isEnterpriseInstall);
}
