using System.Text.Json.Nodes;
using AsyncCoach.Caching;
using AsyncCoach.Core.Norms;
using AsyncCoach.Storage;

namespace AsyncCoach.Norms;

/// <summary>
/// What every norms store does besides its SQL: the per-team cache (bounded by
/// <see cref="CacheOptions.MaxTeams"/> and <see cref="CacheOptions.MaxAge"/>), parsing the stored
/// keys over the defaults, merging the phrases the team's feedback taught, and setting or removing
/// one key with the whole result checked before it is written. The stores give it their read of
/// the stored JSON and their write of the new text.
/// </summary>
public sealed class TeamNormsCache(IPhraseFeedbackStore feedback, TimeProvider time, CacheOptions? caches) : IDisposable
{
    private readonly BoundedCache<string, TeamNorms> _cache = new((caches ?? new()).MaxTeams, (caches ?? new()).MaxAge, time);

    /// <summary>Teams whose norms are held in memory now.</summary>
    public int Count => _cache.Count;

    /// <summary>The team's norms from the cache, else read (<paramref name="readJson"/>), merged with what feedback taught, and cached.</summary>
    public async Task<TeamNorms> GetAsync(
        string teamId, Func<string, CancellationToken, Task<JsonObject?>> readJson, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(teamId, out var cached) && cached is not null)
        {
            return cached;
        }

        var json = await readJson(teamId, cancellationToken);
        var norms = await WithLearnedAsync(teamId, json is null ? TeamNorms.Default : NormsJson.Parse(json.ToJsonString()), cancellationToken);
        _cache.Set(teamId, norms);
        return norms;
    }

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> (removes it when null) in the stored
    /// object, parses the result (throws <see cref="NormsFormatException"/> naming the key, before
    /// anything is written), writes the text (<paramref name="write"/>) and caches the new norms.
    /// </summary>
    public async Task<TeamNorms> SetAsync(
        string teamId,
        string key,
        JsonNode? value,
        Func<string, CancellationToken, Task<JsonObject?>> readJson,
        Func<string, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        var json = await readJson(teamId, cancellationToken) ?? [];
        json[key] = value?.DeepClone();
        if (value is null)
        {
            json.Remove(key);
        }

        var text = json.ToJsonString();
        var norms = await WithLearnedAsync(teamId, NormsJson.Parse(text), cancellationToken);
        await write(text, cancellationToken);
        _cache.Set(teamId, norms);
        return norms;
    }

    public void Forget(string teamId) => _cache.Remove(teamId);

    /// <summary>Drops every cached team (their change notices may have been missed).</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    // What the team's "Not helpful here" taught: phrases enough people marked, per rule.
    private async Task<TeamNorms> WithLearnedAsync(string teamId, TeamNorms norms, CancellationToken cancellationToken)
    {
        var votes = await feedback.VotesAsync(teamId, norms.LearnAfterPeople, cancellationToken);
        return votes.Count == 0 ? norms : norms with
        {
            LearnedPhrases = votes.GroupBy(v => v.RuleId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(v => v.Phrase).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }
}
