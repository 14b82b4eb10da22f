using Dapper;

namespace AsyncCoach.Storage;

/// <summary>
/// Per workspace: whether the bot token still works. Inactive after <c>token_revoked</c> or
/// <c>invalid_auth</c>; nothing is sent for that team until a successful <c>auth.test</c>
/// (at start) shows it was reinstalled. Read on every send, so cached.
/// </summary>
public sealed class InstallationStore(SqliteDatabase database)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _active = new(StringComparer.Ordinal);

    private const string IsActiveSql = "SELECT active FROM installations WHERE team_id = @TeamId";

    public async Task<bool> IsActiveAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_active.TryGetValue(teamId, out var cached))
        {
            return cached;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var active = await connection.ExecuteScalarAsync<long?>(IsActiveSql, new { TeamId = teamId });
        return _active[teamId] = active is null or not 0;
    }

    private const string SetSql = """
        INSERT INTO installations (team_id, active, reason, updated_at) VALUES (@TeamId, @Active, @Reason, @Now)
        ON CONFLICT (team_id) DO UPDATE SET active = excluded.active, reason = excluded.reason, updated_at = excluded.updated_at
        """;

    public async Task SetAsync(string teamId, bool active, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(
                SetSql, new { TeamId = teamId, Active = active ? 1 : 0, Reason = reason, Now = now }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _active[teamId] = active;
    }

    private const string InactiveSql = "SELECT team_id FROM installations WHERE active = 0";

    public async Task<IReadOnlyList<string>> InactiveTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(InactiveSql)).AsList();
    }
}
