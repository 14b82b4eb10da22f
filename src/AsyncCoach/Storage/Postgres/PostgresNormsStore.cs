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
    private readonly BoundedCache<string, TeamNorms> _cache = new((caches?.Value ?? new()).MaxTeams, (caches?.Value ?? new()).MaxAge, time);

    public async Task<TeamNorms> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(teamId, out var cached) && cached is not null)
        {
            return cached;
        }

        var json = await GetJsonAsync(teamId, cancellationToken);
        var norms = await WithLearnedAsync(teamId, json is null ? TeamNorms.Default : NormsJson.Parse(json.ToJsonString()), cancellationToken);
        _cache.Set(teamId, norms);
        return norms;
    }

    public void Forget(string teamId) => _cache.Remove(teamId);

    /// <summary>Drops every cached team: the cache listener lost notices while it was disconnected.</summary>
    public void ClearCache() => _cache.Clear();

    private async Task<TeamNorms> WithLearnedAsync(string teamId, TeamNorms norms, CancellationToken cancellationToken)
    {
        var votes = await feedback.VotesAsync(teamId, norms.LearnAfterPeople, cancellationToken);
        return votes.Count == 0 ? norms : norms with
        {
            LearnedPhrases = votes.GroupBy(v => v.RuleId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(v => v.Phrase).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }

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
    public async Task<TeamNorms> SetAsync(string teamId, string key, JsonNode? value, string updatedBy, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(teamId, cancellationToken) ?? [];
        json[key] = value?.DeepClone();
        if (value is null)
        {
            json.Remove(key);
        }

        var text = json.ToJsonString();
        var norms = await WithLearnedAsync(teamId, NormsJson.Parse(text), cancellationToken);
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = Pg.Command(connection, UpsertSql)
            .With("TeamId", teamId).With("Json", text).With("UpdatedBy", updatedBy).WithInstant("Now", time.GetUtcNow()))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _cache.Set(teamId, norms);
        return norms;
    }

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
