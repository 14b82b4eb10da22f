using Microsoft.Extensions.Caching.Memory;

namespace AsyncCoach.Caching;

/// <summary>
/// A read-through cache bounded in size and age: at most <c>maxEntries</c> (past it, new entries
/// are turned away while the least recently used are compacted out, so callers read the store
/// again), each served for <c>maxAge</c> on the injected clock and dropped by the cache itself
/// after that long in any case. Like the people directory's <c>DirectoryCache</c>, on
/// <see cref="MemoryCache"/> with a size limit.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int maxEntries, TimeSpan maxAge, TimeProvider time) : IDisposable
    where TKey : notnull
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = maxEntries });

    /// <summary>Entries held now (never more than the size limit).</summary>
    public int Count => _cache.Count;

    public bool TryGet(TKey key, out TValue? value)
    {
        if (_cache.TryGetValue(key, out Entry? entry) && entry is not null && time.GetUtcNow() < entry.Until)
        {
            value = entry.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void Set(TKey key, TValue value) =>
        _cache.Set(key, new Entry(value, time.GetUtcNow() + maxAge), new MemoryCacheEntryOptions
        {
            Size = 1,
            // The cache's own (system) clock: only so that entries nobody reads are let go.
            AbsoluteExpirationRelativeToNow = maxAge,
        });

    public void Remove(TKey key) => _cache.Remove(key);

    /// <summary>Drops every entry (their changes may have been missed).</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(TValue Value, DateTimeOffset Until);
}
