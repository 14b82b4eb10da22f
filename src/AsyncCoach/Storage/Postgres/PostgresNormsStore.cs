using System.Text.Json.Nodes;
using AsyncCoach.Caching;
using AsyncCoach.Core.Norms;
using AsyncCoach.Norms;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Team norms on PostgreSQL, as SQLite keeps them (the JSON object of the keys a team set), with
/// the same per-team cache (<see cref="CacheOptions.MaxTeams"/>, <see cref="CacheOptions.MaxAge"/>).
/// This instance's own changes are seen at once; another instance's as soon as its change notice
/// arrives (<see cref="PostgresCacheListener"/>), and within <see cref="CacheOptions.MaxAge"/> at worst.
/// </summary>
public sealed class PostgresNormsStore(PostgresDatabase database, IPhraseFeedbackStore feedback, TimeProvider time, IOptions<CacheOptions>? caches = null)
    : INormsStore, IClearableCache, IDisposable
{
    private readonly TeamNormsCache _cache = new(feedback, time, caches?.Value);

    public Task<TeamNorms> GetAsync(string teamId, CancellationToken cancellationToken) =>
        _cache.GetAsync(teamId, GetJsonAsync, cancellationToken);

    public void Forget(string teamId) => _cache.Forget(teamId);

    /// <summary>Drops every cached team: the cache listener lost notices while it was disconnected.</summary>
    public void ClearCache() => _cache.Clear();

    private const string GetSql = "SELECT norms_json FROM team_norms WHERE team_id = @TeamId";

    public async Task<JsonObject?> GetJsonAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, GetSql).With("TeamId", teamId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonNode.Parse(json)?.AsObject() : null;
    }

    private const string UpsertSql = """
        INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at)
        VALUES (@TeamId, @Json, @UpdatedBy, @Now)
        ON CONFLICT (team_id) DO UPDATE SET norms_json = excluded.norms_json, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        """;

    /// <summary>Checks the whole result parses before anything is stored (throws <see cref="NormsFormatException"/> naming the key).</summary>
    public Task<TeamNorms> SetAsync(string teamId, string key, JsonNode? value, string updatedBy, CancellationToken cancellationToken) =>
        _cache.SetAsync(teamId, key, value, GetJsonAsync, async (text, ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = Pg.Command(connection, UpsertSql)
                .With("TeamId", teamId).With("Json", text).With("UpdatedBy", updatedBy).WithInstant("Now", time.GetUtcNow());
            await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    // Only a JSON number was ever stored (SetAsync parses the norms first).
    private const string RetentionDaysSql = """
        SELECT team_id, (norms_json::jsonb ->> 'retention_days')::bigint
        FROM team_norms
        WHERE jsonb_typeof(norms_json::jsonb -> 'retention_days') = 'number'
        """;

    public async Task<IReadOnlyDictionary<string, int>> RetentionDaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, RetentionDaysSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            days[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return days;
    }

    public void Dispose() => _cache.Dispose();
}
