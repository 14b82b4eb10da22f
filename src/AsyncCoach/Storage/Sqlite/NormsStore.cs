using System.Text.Json.Nodes;
using AsyncCoach.Caching;
using AsyncCoach.Core.Norms;
using AsyncCoach.Norms;
using Dapper;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Team norms, stored as the JSON object of the keys a team has set (the same keys as the audit's
/// <c>--norms</c> file); unset keys keep RULES.md's defaults. Read often, so cached per team
/// (bounded by <see cref="CacheOptions.MaxTeams"/> and <see cref="CacheOptions.MaxAge"/>).
/// </summary>
public sealed class NormsStore(SqliteDatabase database, IPhraseFeedbackStore feedback, TimeProvider time, IOptions<CacheOptions>? caches = null) : INormsStore, IDisposable
{
    private readonly TeamNormsCache _cache = new(feedback, time, caches?.Value);

    /// <summary>Teams whose norms are held in memory now.</summary>
    public int CachedCount => _cache.Count;

    private const string GetSql = "SELECT norms_json FROM team_norms WHERE team_id = @TeamId";

    public Task<TeamNorms> GetAsync(string teamId, CancellationToken cancellationToken) =>
        _cache.GetAsync(teamId, GetJsonAsync, cancellationToken);

    /// <summary>Drops the cached norms of a team, so the next read sees new feedback.</summary>
    public void Forget(string teamId) => _cache.Forget(teamId);

    /// <summary>The keys this team has set, as stored.</summary>
    public async Task<JsonObject?> GetJsonAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(GetSql, new { TeamId = teamId });
        return json is null ? null : JsonNode.Parse(json)?.AsObject();
    }

    private const string UpsertSql = """
        INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at)
        VALUES (@TeamId, @Json, @UpdatedBy, @Now)
        ON CONFLICT (team_id) DO UPDATE SET norms_json = excluded.norms_json, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        """;

    /// <summary>
    /// Sets one key (or removes it with a null value) after checking the whole result parses, so
    /// a bad value never reaches storage. Throws <see cref="NormsFormatException"/> naming the key.
    /// </summary>
    public Task<TeamNorms> SetAsync(string teamId, string key, JsonNode? value, string updatedBy, CancellationToken cancellationToken) =>
        _cache.SetAsync(teamId, key, value, GetJsonAsync, async (text, ct) =>
        {
            await using var write = await database.BeginWriteAsync(ct);
            await write.Connection.ExecuteAsync(UpsertSql,
                new { TeamId = teamId, Json = text, UpdatedBy = updatedBy, Now = time.GetUtcNow() }, write.Transaction);
            await write.CommitAsync(ct);
        }, cancellationToken);

    private const string RetentionDaysSql = """
        SELECT team_id AS TeamId, json_extract(norms_json, '$.retention_days') AS Days
        FROM team_norms
        WHERE json_extract(norms_json, '$.retention_days') IS NOT NULL
        """;

    /// <summary>The teams that set their own <c>retention_days</c> norm, and its value (checked when it was set).</summary>
    public async Task<IReadOnlyDictionary<string, int>> RetentionDaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RetentionRow>(RetentionDaysSql);
        return rows.ToDictionary(r => r.TeamId, r => (int)r.Days, StringComparer.Ordinal);
    }

    public void Dispose() => _cache.Dispose();

    internal sealed record RetentionRow(string TeamId, long Days);
}
