using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Fakes;

/// <summary>The installation registry with faults at its two reads: the outbox's installation check and the token source's look-up.</summary>
public sealed class FaultyInstallationStore(IInstallationStore inner) : IInstallationStore
{
    /// <summary>Fails <see cref="IsActiveAsync"/> (the outbox's "is the team still installed").</summary>
    public Fault IsActive { get; } = new();

    /// <summary>Fails <see cref="GetAsync"/> (the token source reads the installation before each call).</summary>
    public Fault Get { get; } = new();

    public ValueTask<Installation?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        Get.Check();
        return inner.GetAsync(teamId, cancellationToken);
    }

    public Task<bool> IsActiveAsync(string teamId, CancellationToken cancellationToken)
    {
        IsActive.Check();
        return inner.IsActiveAsync(teamId, cancellationToken);
    }

    public Task SetAsync(string teamId, bool active, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SetAsync(teamId, active, reason, now, cancellationToken);

    public Task SaveAsync(Installation installation, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SaveAsync(installation, now, cancellationToken);

    public Task UpdateTokensAsync(
        string teamId, string protectedBotToken, string? protectedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.UpdateTokensAsync(teamId, protectedBotToken, protectedRefreshToken, expiresAt, now, cancellationToken);

    public Task RegisterConfiguredAsync(
        string teamId, string? enterpriseId, bool isEnterpriseInstall, string? botUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RegisterConfiguredAsync(teamId, enterpriseId, isEnterpriseInstall, botUserId, now, cancellationToken);

    public Task MarkLeftAsync(string teamId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.MarkLeftAsync(teamId, reason, now, cancellationToken);

    public void Forget(string teamId) => inner.Forget(teamId);

    public Task LinkTeamAsync(string teamId, string enterpriseId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.LinkTeamAsync(teamId, enterpriseId, now, cancellationToken);

    public Task<string?> OrgOfAsync(string teamId, CancellationToken cancellationToken) => inner.OrgOfAsync(teamId, cancellationToken);

    public Task<IReadOnlyList<string>> ActiveTeamsAsync(CancellationToken cancellationToken) => inner.ActiveTeamsAsync(cancellationToken);

    public Task<IReadOnlyList<string>> InactiveTeamsAsync(CancellationToken cancellationToken) => inner.InactiveTeamsAsync(cancellationToken);
}
