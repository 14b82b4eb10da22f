using AsyncCoach.Caching;
using AsyncCoach.Storage;

namespace AsyncCoach.Norms;

/// <summary>
/// What every person-settings store does besides its SQL: a read-through cache of people's
/// settings, absent ones too (at most <c>maxEntries</c> people, each trusted <c>maxAge</c>), which
/// asks the store's query only for the people it does not hold and keeps what a save wrote.
/// </summary>
public sealed class PersonSettingsCache(int maxEntries, TimeSpan maxAge, TimeProvider time) : IDisposable
{
    private readonly BoundedCache<(string Team, string User), PersonSettings?> _cache = new(maxEntries, maxAge, time);

    /// <summary>People's settings held in memory now.</summary>
    public int Count => _cache.Count;

    /// <summary>
    /// The stored settings of those of <paramref name="userIds"/> who have any: the cached ones,
    /// and the others read with one call of <paramref name="load"/> (team, the missing user ids),
    /// whose answer is cached, absences included.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PersonSettings>> GetManyAsync(
        string teamId,
        IReadOnlyList<string> userIds,
        Func<string, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, PersonSettings>>> load,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, PersonSettings>(StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var userId in userIds)
        {
            if (!_cache.TryGet((teamId, userId), out var cached))
            {
                (missing ??= []).Add(userId);
            }
            else if (cached is not null)
            {
                found[userId] = cached;
            }
        }

        if (missing is null)
        {
            return found;
        }

        var loaded = await load(teamId, missing, cancellationToken);
        foreach (var userId in missing)
        {
            var settings = loaded.GetValueOrDefault(userId);
            _cache.Set((teamId, userId), settings);
            if (settings is not null)
            {
                found[userId] = settings;
            }
        }

        return found;
    }

    /// <summary>One person's settings; nothing set (no hours, no zone, no snooze, not opted out) when they have none.</summary>
    public async Task<PersonSettings> GetAsync(
        string teamId,
        string userId,
        Func<string, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, PersonSettings>>> load,
        CancellationToken cancellationToken)
    {
        var found = await GetManyAsync(teamId, [userId], load, cancellationToken);
        return found.TryGetValue(userId, out var settings) ? settings : new PersonSettings(userId, null, null, null, false);
    }

    /// <summary>Keeps what a save has just written.</summary>
    public void Saved(string teamId, PersonSettings settings) => _cache.Set((teamId, settings.UserId), settings);

    public void Forget(string teamId, string userId) => _cache.Remove((teamId, userId));

    /// <summary>Drops every cached person (their change notices may have been missed).</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}
