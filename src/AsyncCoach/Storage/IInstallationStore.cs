namespace AsyncCoach.Storage;

/// <summary>
/// The registry of installed workspaces (<see cref="Installation"/>, one per team or org id):
/// tokens (Data Protection payloads, never clear text), whether they still work, and when a team
/// left. Inactive after <c>token_revoked</c> or <c>invalid_auth</c> until a new token arrives.
/// Read on every Web API call, so implementations cache rows (absent ones too); every write goes
/// through here and is seen by the next read (with several instances, within a bound the
/// provider documents).
/// </summary>
public interface IInstallationStore
{
    /// <summary>The installation of <paramref name="teamId"/>, or null when there is none. Usually from the cache, without an async state machine.</summary>
    ValueTask<Installation?> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>True unless the team's row says its token stopped working or the team left (no row: true).</summary>
    Task<bool> IsActiveAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Marks the team's token as working or not (<paramref name="reason"/>: Slack's error code), creating a bare row if there is none.</summary>
    Task SetAsync(string teamId, bool active, string? reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an installation (a new one, a reinstall), replacing the team's row: active, no
    /// reason, not uninstalled. A reinstall within the retention period keeps the team's data.
    /// </summary>
    Task SaveAsync(Installation installation, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores a rotated token pair (both protected) and its new expiry; a team without a row is left alone.</summary>
    Task UpdateTokensAsync(
        string teamId, string protectedBotToken, string? protectedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records the team the configured <c>Slack:BotToken</c> belongs to (it just passed
    /// <c>auth.test</c>): source <c>config</c>, active, not uninstalled, installed at
    /// <paramref name="now"/> unless it already had an installation time. A team with an installed
    /// token of its own (a stored bot token) is left untouched: its own token wins.
    /// </summary>
    Task RegisterConfiguredAsync(
        string teamId, string? enterpriseId, bool isEnterpriseInstall, string? botUserId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The team left (<c>app_uninstalled</c>, <c>tokens_revoked</c>): inactive with
    /// <paramref name="reason"/>, uninstalled at <paramref name="now"/>, its tokens and their
    /// expiry dropped. Creates the row if there is none.
    /// </summary>
    Task MarkLeftAsync(string teamId, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a cached row (after a purge deleted it).</summary>
    void Forget(string teamId);

    /// <summary>Records (or moves) <paramref name="teamId"/> as served by the org-wide installation of <paramref name="enterpriseId"/>.</summary>
    Task LinkTeamAsync(string teamId, string enterpriseId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The organisation whose org-wide installation serves <paramref name="teamId"/>, if one was recorded.</summary>
    Task<string?> OrgOfAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Every installed team (or org: a row with a source) whose token works and that has not left, by id.</summary>
    Task<IReadOnlyList<string>> ActiveTeamsAsync(CancellationToken cancellationToken);

    /// <summary>Every team whose row says its token does not work (left ones included).</summary>
    Task<IReadOnlyList<string>> InactiveTeamsAsync(CancellationToken cancellationToken);
}
