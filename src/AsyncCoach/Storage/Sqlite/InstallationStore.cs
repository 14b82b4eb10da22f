using AsyncCoach.Caching;
using Dapper;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// The registry of installed workspaces (<see cref="Installation"/>): tokens (protected), whether
/// they still work, and when a team left. Inactive after <c>token_revoked</c> or
/// <c>invalid_auth</c> until a new token arrives (a reinstall, or a configured token that passes
/// <c>auth.test</c> at start). Read on every Web API call, so rows are cached; every write goes
/// through here and refreshes the cache (bounded by <see cref="CacheOptions.MaxTeams"/> and
/// <see cref="CacheOptions.MaxAge"/>).
/// </summary>
public sealed class InstallationStore(SqliteDatabase database, IOptions<CacheOptions>? caches = null, TimeProvider? time = null) : IInstallationStore, IDisposable
{
    private readonly BoundedCache<string, Installation?> _rows = new(
        (caches?.Value ?? new()).MaxTeams, (caches?.Value ?? new()).MaxAge, time ?? TimeProvider.System);

    private const string GetSql = """
        SELECT team_id AS TeamId, active AS Active, reason AS Reason, source AS Source, enterprise_id AS EnterpriseId,
               is_enterprise_install AS IsEnterpriseInstall, bot_user_id AS BotUserId, bot_token AS BotToken,
               refresh_token AS RefreshToken, token_expires_at AS TokenExpiresAt, scopes AS Scopes,
               installer_user_id AS InstallerUserId, installed_at AS InstalledAt, uninstalled_at AS UninstalledAt
        FROM installations WHERE team_id = @TeamId
        """;

    /// <summary>Teams whose installation (or its absence) is held in memory now.</summary>
    public int CachedCount => _rows.Count;

    /// <summary>The installation of <paramref name="teamId"/>, or null when there is none.</summary>
    public async ValueTask<Installation?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_rows.TryGet(teamId, out var cached))
        {
            return cached;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(GetSql, new { TeamId = teamId });
        var installation = row?.ToInstallation();
        _rows.Set(teamId, installation);
        return installation;
    }

    /// <summary>True unless the team's token stopped working or the team left (no row: true).</summary>
    public async Task<bool> IsActiveAsync(string teamId, CancellationToken cancellationToken) =>
        await GetAsync(teamId, cancellationToken) is not { } row || row.IsUsable;

    private const string SetSql = """
        INSERT INTO installations (team_id, active, reason, updated_at) VALUES (@TeamId, @Active, @Reason, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = excluded.active, reason = excluded.reason, updated_at = excluded.updated_at
        """;

    /// <summary>Marks the team's token as working or not (<paramref name="reason"/>: Slack's error code).</summary>
    public async Task SetAsync(string teamId, bool active, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(
                SetSql, new { TeamId = teamId, Active = active ? 1 : 0, Reason = reason, Now = now }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _rows.Remove(teamId);
    }

    private const string SaveSql = """
        INSERT INTO installations (team_id, active, reason, updated_at, source, enterprise_id, is_enterprise_install, bot_user_id,
                                   bot_token, refresh_token, token_expires_at, scopes, installer_user_id, installed_at, uninstalled_at)
        VALUES (@TeamId, 1, NULL, @Now, @Source, @EnterpriseId, @IsEnterpriseInstall, @BotUserId,
                @BotToken, @RefreshToken, @TokenExpiresAt, @Scopes, @InstallerUserId, @InstalledAt, NULL)
        ON CONFLICT (team_id) DO UPDATE SET active = 1, reason = NULL, updated_at = excluded.updated_at, source = excluded.source,
            enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
            bot_user_id = excluded.bot_user_id, bot_token = excluded.bot_token, refresh_token = excluded.refresh_token,
            token_expires_at = excluded.token_expires_at, scopes = excluded.scopes, installer_user_id = excluded.installer_user_id,
            installed_at = excluded.installed_at, uninstalled_at = NULL
        """;

    /// <summary>
    /// Stores an installation (a new one, a reinstall, or the configured token's team), active and
    /// not uninstalled: a reinstall within the retention period keeps the team's data.
    /// </summary>
    public async Task SaveAsync(Installation installation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(SaveSql, new
            {
                installation.TeamId,
                Now = now,
                installation.Source,
                installation.EnterpriseId,
                IsEnterpriseInstall = installation.IsEnterpriseInstall ? 1 : 0,
                installation.BotUserId,
                BotToken = installation.ProtectedBotToken,
                RefreshToken = installation.ProtectedRefreshToken,
                TokenExpiresAt = Format(installation.TokenExpiresAt),
                installation.Scopes,
                installation.InstallerUserId,
                InstalledAt = Format(installation.InstalledAt),
            }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _rows.Remove(installation.TeamId);
    }

    private const string UpdateTokensSql = """
        UPDATE installations SET bot_token = @BotToken, refresh_token = @RefreshToken, token_expires_at = @TokenExpiresAt, updated_at = @Now
        WHERE team_id = @TeamId
        """;

    /// <summary>Stores a rotated token pair (both protected) and its new expiry.</summary>
    public async Task UpdateTokensAsync(
        string teamId, string protectedBotToken, string? protectedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(UpdateTokensSql, new
            {
                TeamId = teamId,
                BotToken = protectedBotToken,
                RefreshToken = protectedRefreshToken,
                TokenExpiresAt = Format(expiresAt),
                Now = now,
            }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _rows.Remove(teamId);
    }

    private const string RegisterConfiguredSql = """
        INSERT INTO installations (team_id, active, reason, updated_at, source, enterprise_id, is_enterprise_install, bot_user_id, installed_at)
        VALUES (@TeamId, 1, NULL, @Now, 'config', @EnterpriseId, @IsEnterpriseInstall, @BotUserId, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = 1, reason = NULL, uninstalled_at = NULL, updated_at = excluded.updated_at,
            source = 'config', enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
            bot_user_id = excluded.bot_user_id, installed_at = COALESCE(installations.installed_at, excluded.installed_at)
        WHERE installations.bot_token IS NULL
        """;

    /// <summary>
    /// Records the team the configured <c>Slack:BotToken</c> belongs to (it just passed
    /// <c>auth.test</c>, so it works: active again). A team with an installed token of its own keeps
    /// that installation untouched: its own token wins.
    /// </summary>
    public async Task RegisterConfiguredAsync(
        string teamId, string? enterpriseId, bool isEnterpriseInstall, string? botUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(RegisterConfiguredSql, new
            {
                TeamId = teamId,
                Now = now,
                EnterpriseId = enterpriseId,
                IsEnterpriseInstall = isEnterpriseInstall ? 1 : 0,
                BotUserId = botUserId,
            }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _rows.Remove(teamId);
    }

    private const string LeftSql = """
        INSERT INTO installations (team_id, active, reason, updated_at, uninstalled_at) VALUES (@TeamId, 0, @Reason, @Now, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = 0, reason = excluded.reason, updated_at = excluded.updated_at,
            uninstalled_at = excluded.uninstalled_at, bot_token = NULL, refresh_token = NULL, token_expires_at = NULL
        """;

    /// <summary>
    /// The team left (<c>app_uninstalled</c>, <c>tokens_revoked</c>): nothing more is sent for it, its
    /// tokens (dead now) are dropped, and its data is deleted after the retention period unless it reinstalls.
    /// </summary>
    public async Task MarkLeftAsync(string teamId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(LeftSql, new { TeamId = teamId, Reason = reason, Now = now }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _rows.Remove(teamId);
    }

    /// <summary>Forgets cached rows (after a purge deleted them).</summary>
    public void Forget(string teamId) => _rows.Remove(teamId);

    public void Dispose() => _rows.Dispose();

    private const string LinkTeamSql = """
        INSERT INTO installation_teams (team_id, enterprise_id, seen_at) VALUES (@TeamId, @EnterpriseId, @Now)
        ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, seen_at = excluded.seen_at
        """;

    /// <summary>Records that <paramref name="teamId"/> is served by the org-wide installation of <paramref name="enterpriseId"/>.</summary>
    public async Task LinkTeamAsync(string teamId, string enterpriseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(LinkTeamSql, new { TeamId = teamId, EnterpriseId = enterpriseId, Now = now }, write.Transaction);
        await write.CommitAsync(cancellationToken);
    }

    private const string OrgOfSql = "SELECT enterprise_id FROM installation_teams WHERE team_id = @TeamId";

    /// <summary>The organisation whose org-wide installation serves <paramref name="teamId"/>, if one was seen.</summary>
    public async Task<string?> OrgOfAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(OrgOfSql, new { TeamId = teamId });
    }

    private const string ActiveSql = """
        SELECT team_id FROM installations
        WHERE active = 1 AND uninstalled_at IS NULL AND source IS NOT NULL
        ORDER BY team_id
        """;

    /// <summary>Every installed team (or org) whose token works and that has not left.</summary>
    public async Task<IReadOnlyList<string>> ActiveTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(ActiveSql)).AsList();
    }

    private const string InactiveSql = "SELECT team_id FROM installations WHERE active = 0";

    public async Task<IReadOnlyList<string>> InactiveTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(InactiveSql)).AsList();
    }

    private static string? Format(DateTimeOffset? instant) => instant is { } i ? StoredInstant.Format(i) : null;

    private static DateTimeOffset? Parse(string? text) => text is null ? null : StoredInstant.Parse(text);

    /// <summary>The row as stored: instants as text (nullable instants are read as text, then parsed).</summary>
    internal sealed record InstallationRow(
        string TeamId, long Active, string? Reason, string? Source, string? EnterpriseId, long IsEnterpriseInstall, string? BotUserId,
        string? BotToken, string? RefreshToken, string? TokenExpiresAt, string? Scopes, string? InstallerUserId, string? InstalledAt,
        string? UninstalledAt)
    {
        public Installation ToInstallation() => new(
            TeamId, Active != 0, Reason, Source, EnterpriseId, IsEnterpriseInstall != 0, BotUserId, BotToken, RefreshToken,
            Parse(TokenExpiresAt), Scopes, InstallerUserId, Parse(InstalledAt), Parse(UninstalledAt));
    }
}
