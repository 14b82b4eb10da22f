namespace AsyncCoach.Storage;

/// <summary>
/// One installation of the app: a workspace (<see cref="TeamId"/> <c>T…</c>) or, for an org-wide
/// Enterprise Grid install, an organisation (<see cref="TeamId"/> is then the <c>E…</c> id).
/// <see cref="ProtectedBotToken"/> and <see cref="ProtectedRefreshToken"/> are Data Protection
/// payloads; the clear tokens exist only in memory, for the call that needs them.
/// </summary>
public sealed record Installation(
    string TeamId,
    bool Active,
    string? Reason,
    string? Source,
    string? EnterpriseId = null,
    bool IsEnterpriseInstall = false,
    string? BotUserId = null,
    string? ProtectedBotToken = null,
    string? ProtectedRefreshToken = null,
    DateTimeOffset? TokenExpiresAt = null,
    string? Scopes = null,
    string? InstallerUserId = null,
    DateTimeOffset? InstalledAt = null,
    DateTimeOffset? UninstalledAt = null)
{
    public const string FromOAuth = "oauth";
    public const string FromConfiguration = "config";

    /// <summary>Calls may be made for this team: not revoked, not uninstalled.</summary>
    public bool IsUsable => Active && UninstalledAt is null;
}
