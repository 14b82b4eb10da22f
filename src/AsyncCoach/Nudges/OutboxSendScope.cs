using System.Collections;
using System.Globalization;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// The log scope of one send (team, channel, outbox id, kind), read from the row itself: one small
/// object per send instead of a dictionary with its buckets, entries and a boxed id (issue #17).
/// A provider that writes scopes enumerates it like the dictionary it replaces.
/// </summary>
internal sealed class OutboxSendScope(OutboxRow row) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("team_id", row.TeamId),
        1 => new("channel_id", row.ChannelId),
        2 => new("outbox_id", row.Id),
        3 => new("kind", row.Kind),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // What a text formatter prints for a scope.
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"team_id:{row.TeamId} channel_id:{row.ChannelId} outbox_id:{row.Id} kind:{row.Kind}");
}
