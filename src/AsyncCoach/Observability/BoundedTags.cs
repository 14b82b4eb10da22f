using System.Collections.Concurrent;

namespace AsyncCoach.Observability;

/// <summary>
/// Tags built once per value and reused, so recording allocates nothing after the first time a
/// value is seen; past <c>max</c> distinct values every new one is recorded as <c>other</c>, so a
/// value that varies more than expected (an unknown Slack error code) cannot grow the number of
/// series without bound.
/// </summary>
internal sealed class BoundedTags(string key, int max)
{
    private readonly ConcurrentDictionary<string, KeyValuePair<string, object?>> _tags = new(StringComparer.Ordinal);
    private readonly KeyValuePair<string, object?> _other = new(key, "other");

    public KeyValuePair<string, object?> For(string value)
    {
        if (_tags.TryGetValue(value, out var tag))
        {
            return tag;
        }

        if (_tags.Count >= max)
        {
            return _other;
        }

        return _tags.GetOrAdd(value, static (v, k) => new KeyValuePair<string, object?>(k, v), key);
    }
}
