using System.Text;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The fixed division of conversations among instances: <see cref="Count"/> partitions by a
/// stable hash of (team, channel), the same in every process and version (FNV-1a over UTF-8;
/// <see cref="string.GetHashCode()"/> is randomised per process). Changing <see cref="Count"/>
/// moves conversations between partitions: every instance must stop first.
/// </summary>
public static class ConversationPartitions
{
    public const int Count = 256;

    public static int Of(string teamId, string? channelId)
    {
        var hash = 2166136261u;
        hash = Mix(hash, teamId);
        hash = (hash ^ 0) * 16777619u;
        hash = Mix(hash, channelId ?? "");
        return (int)(hash % Count);
    }

    private static uint Mix(uint hash, string text)
    {
        // Slack ids are short: no allocation unless one is not.
        Span<byte> buffer = stackalloc byte[128];
        ReadOnlySpan<byte> bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(text, buffer)]
            : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
