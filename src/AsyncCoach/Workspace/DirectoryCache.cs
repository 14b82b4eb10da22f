using Microsoft.Extensions.Caching.Memory;

namespace AsyncCoach.Workspace;

/// <summary>
/// One bounded cache of looked-up values: at most <c>maxEntries</c> (past it, new entries are turned
/// away and the least recently used are compacted out), each fresh for its time to live on the
/// injected clock, and dropped by the cache itself after that long in any case. A failed lookup is
/// remembered as failed (keeping the last good value) so that it is not asked again at once.
/// </summary>
internal sealed class DirectoryCache<TKey, TValue>(int maxEntries, TimeProvider time) : IDisposable
    where TKey : notnull
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = maxEntries });

    /// <summary>Entries held now (never more than the size limit).</summary>
    public int Count => _cache.Count;

    /// <summary>The value as last known, fresh or not, or false when none is held.</summary>
    public bool TryGetKnown(TKey key, out TValue? value)
    {
        if (_cache.TryGetValue(key, out Entry? entry) && entry is not null)
        {
            value = entry.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A value that need not be asked for again yet (a failed lookup counts as one until its own time is up).</summary>
    public bool TryGetFresh(TKey key, out TValue? value)
    {
        if (_cache.TryGetValue(key, out Entry? entry) && entry is not null && time.GetUtcNow() < entry.FreshUntil)
        {
            value = entry.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void Set(TKey key, TValue value, TimeSpan ttl) => Put(key, value, ttl);

    /// <summary>Records a failed lookup: the last good value (if any) stands for <paramref name="retryAfter"/>.</summary>
    public TValue? SetFailed(TKey key, TimeSpan retryAfter)
    {
        TryGetKnown(key, out var last);
        Put(key, last, retryAfter);
        return last;
    }

    private void Put(TKey key, TValue? value, TimeSpan ttl) =>
        _cache.Set(key, new Entry(value, time.GetUtcNow() + ttl), new MemoryCacheEntryOptions
        {
            Size = 1,
            // The cache's own (system) clock: only so that entries nobody reads are let go.
            AbsoluteExpirationRelativeToNow = ttl,
        });

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(TValue? Value, DateTimeOffset FreshUntil);
}
