using AsyncCoach.Caching;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The registry of installed workspaces (<see cref="IInstallationStore"/>) on PostgreSQL. Rows
/// (absent ones too) are cached per instance, bounded by <see cref="CacheOptions.MaxTeams"/> and
/// <see cref="CacheOptions.MaxAge"/>; a write here drops this instance's entry, and the table's
/// trigger (migration 0008) tells the other instances in the writer's transaction
/// (<see cref="PostgresCacheListener"/>), so a change made elsewhere is seen once its notice
/// arrives, and within <see cref="CacheOptions.MaxAge"/> in any case.
/// </summary>
public sealed class PostgresInstallationStore(PostgresDatabase database, IOptions<CacheOptions> caches, TimeProvider time)
    : IInstallationStore, IClearableCache, IDisposable
{
    private readonly BoundedCache<string, Installation?> _rows = new(caches.Value.MaxTeams, caches.Value.MaxAge, time);

    private const string GetSql = """
        SELECT team_id, active, reason, source, enterprise_id, is_enterprise_install, bot_user_id, bot_token,
               refresh_token, token_expires_at, scopes, installer_user_id, installed_at, uninstalled_at
        FROM installations WHERE team_id = @TeamId
        """;

    public async ValueTask<Installation?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_rows.TryGet(teamId, out var cached))
        {
            return cached;
        }

        Installation? installation = null;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = Pg.Command(connection, GetSql).With("TeamId", teamId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                installation = Read(reader);
            }
        }

        _rows.Set(teamId, installation);
        return installation;
    }

    public async Task<bool> IsActiveAsync(string teamId, CancellationToken cancellationToken) =>
        await GetAsync(teamId, cancellationToken) is not { } row || row.IsUsable;

    private const string SetSql = """
        INSERT INTO installations (team_id, active, reason, updated_at) VALUES (@TeamId, @Active, @Reason, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = excluded.active, reason = excluded.reason, updated_at = excluded.updated_at
        """;

    public Task SetAsync(string teamId, bool active, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(teamId, SetSql, c => c.With("Active", active).WithText("Reason", reason).WithInstant("Now", now), cancellationToken);

    private const string SaveSql = """
        INSERT INTO installations (team_id, active, reason, updated_at, source, enterprise_id, is_enterprise_install, bot_user_id,
                                   bot_token, refresh_token, token_expires_at, scopes, installer_user_id, installed_at, uninstalled_at)
        VALUES (@TeamId, true, NULL, @Now, @Source, @EnterpriseId, @IsEnterpriseInstall, @BotUserId,
                @BotToken, @RefreshToken, @TokenExpiresAt, @Scopes, @InstallerUserId, @InstalledAt, NULL)
        ON CONFLICT (team_id) DO UPDATE SET active = true, reason = NULL, updated_at = excluded.updated_at, source = excluded.source,
            enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
            bot_user_id = excluded.bot_user_id, bot_token = excluded.bot_token, refresh_token = excluded.refresh_token,
            token_expires_at = excluded.token_expires_at, scopes = excluded.scopes, installer_user_id = excluded.installer_user_id,
            installed_at = excluded.installed_at, uninstalled_at = NULL
        """;

    public Task SaveAsync(Installation installation, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(installation.TeamId, SaveSql, c => c
            .WithInstant("Now", now).WithText("Source", installation.Source).WithText("EnterpriseId", installation.EnterpriseId)
            .With("IsEnterpriseInstall", installation.IsEnterpriseInstall).WithText("BotUserId", installation.BotUserId)
            .WithText("BotToken", installation.ProtectedBotToken).WithText("RefreshToken", installation.ProtectedRefreshToken)
            .WithInstant("TokenExpiresAt", installation.TokenExpiresAt).WithText("Scopes", installation.Scopes)
            .WithText("InstallerUserId", installation.InstallerUserId).WithInstant("InstalledAt", installation.InstalledAt), cancellationToken);

    private const string UpdateTokensSql = """
        UPDATE installations SET bot_token = @BotToken, refresh_token = @RefreshToken, token_expires_at = @TokenExpiresAt, updated_at = @Now
        WHERE team_id = @TeamId
        """;

    public Task UpdateTokensAsync(
        string teamId, string protectedBotToken, string? protectedRefreshToken, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(teamId, UpdateTokensSql, c => c
            .With("BotToken", protectedBotToken).WithText("RefreshToken", protectedRefreshToken)
            .WithInstant("TokenExpiresAt", expiresAt).WithInstant("Now", now), cancellationToken);

    private const string RegisterConfiguredSql = """
        INSERT INTO installations (team_id, active, reason, updated_at, source, enterprise_id, is_enterprise_install, bot_user_id, installed_at)
        VALUES (@TeamId, true, NULL, @Now, 'config', @EnterpriseId, @IsEnterpriseInstall, @BotUserId, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = true, reason = NULL, uninstalled_at = NULL, updated_at = excluded.updated_at,
            source = 'config', enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
            bot_user_id = excluded.bot_user_id, installed_at = COALESCE(installations.installed_at, excluded.installed_at)
        WHERE installations.bot_token IS NULL
        """;

    public Task RegisterConfiguredAsync(
        string teamId, string? enterpriseId, bool isEnterpriseInstall, string? botUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(teamId, RegisterConfiguredSql, c => c
            .WithInstant("Now", now).WithText("EnterpriseId", enterpriseId).With("IsEnterpriseInstall", isEnterpriseInstall)
            .WithText("BotUserId", botUserId), cancellationToken);

    private const string LeftSql = """
        INSERT INTO installations (team_id, active, reason, updated_at, uninstalled_at) VALUES (@TeamId, false, @Reason, @Now, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = false, reason = excluded.reason, updated_at = excluded.updated_at,
            uninstalled_at = excluded.uninstalled_at, bot_token = NULL, refresh_token = NULL, token_expires_at = NULL
        """;

    public Task MarkLeftAsync(string teamId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(teamId, LeftSql, c => c.With("Reason", reason).WithInstant("Now", now), cancellationToken);

    public void Forget(string teamId) => _rows.Remove(teamId);

    public void ClearCache() => _rows.Clear();

    public void Dispose() => _rows.Dispose();

    private const string LinkTeamSql = """
        INSERT INTO installation_teams (team_id, enterprise_id, seen_at) VALUES (@TeamId, @EnterpriseId, @Now)
        ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, seen_at = excluded.seen_at
        """;

    public async Task LinkTeamAsync(string teamId, string enterpriseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, LinkTeamSql).With("TeamId", teamId).With("EnterpriseId", enterpriseId).WithInstant("Now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string OrgOfSql = "SELECT enterprise_id FROM installation_teams WHERE team_id = @TeamId";

    public async Task<string?> OrgOfAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var orgs = await Pg.Command(connection, OrgOfSql).With("TeamId", teamId).ReadStringsAsync(cancellationToken);
        return orgs.Count > 0 ? orgs[0] : null;
    }

    private const string ActiveSql = """
        SELECT team_id FROM installations
        WHERE active AND uninstalled_at IS NULL AND source IS NOT NULL
        ORDER BY team_id
        """;

    public async Task<IReadOnlyList<string>> ActiveTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.Command(connection, ActiveSql).ReadStringsAsync(cancellationToken);
    }

    private const string InactiveSql = "SELECT team_id FROM installations WHERE NOT active ORDER BY team_id";

    public async Task<IReadOnlyList<string>> InactiveTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.Command(connection, InactiveSql).ReadStringsAsync(cancellationToken);
    }

    /// <summary>One row's write in its own transaction; then this instance's cached copy goes (the others are told by the trigger).</summary>
    private async Task WriteAsync(string teamId, string sql, Func<NpgsqlCommand, NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = parameters(Pg.Command(connection, sql).With("TeamId", teamId)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _rows.Remove(teamId);
    }

    private static Installation Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetBoolean(1), reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4), reader.GetBoolean(5),
        reader.TextOrNull(6), reader.TextOrNull(7), reader.TextOrNull(8), reader.InstantOrNull(9), reader.TextOrNull(10),
        reader.TextOrNull(11), reader.InstantOrNull(12), reader.InstantOrNull(13));
}
