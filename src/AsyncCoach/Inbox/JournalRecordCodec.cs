using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace AsyncCoach.Inbox;

/// <summary>
/// The inbox journal's record format (docs/architecture.md, "The inbox journal"):
/// <c>[int32 body length][CRC-32 of the body][body]</c>, little-endian, the body
/// <c>[format version byte][receive time, int64 ticks UTC][event id][team id][channel id][event type][payload]</c>,
/// each string its UTF-8 length (uint16, <c>0xFFFF</c> = null) and its bytes.
/// <para>
/// A record that is cut short, fails its checksum or has another version byte does not decode:
/// to <see cref="JournalRecovery"/> it ends the readable log of its file. So a new format comes in
/// two releases: one that reads both versions (a <c>switch</c> on <c>body[0]</c> in
/// <see cref="TryDecode"/>) but writes the old, then one that writes the new; with a test that
/// decodes a record of each version.
/// </para>
/// </summary>
internal static class JournalRecordCodec
{
    private const int HeaderBytes = 8;
    private const byte FormatVersion = 1;

    /// <summary>A record's body is at most the request body (1 MiB, the endpoint's limit) and its ids.</summary>
    internal const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Appends <paramref name="entry"/>'s record to <paramref name="buffer"/>.</summary>
    public static void Encode(ArrayBufferWriter<byte> buffer, InboxEntry entry)
    {
        var bodyLength = 1 + 8 + Utf8Length(entry.EventId) + Utf8Length(entry.TeamId) + Utf8Length(entry.ChannelId)
            + Utf8Length(entry.EventType) + entry.Payload.Length;
        var span = buffer.GetSpan(HeaderBytes + bodyLength)[..(HeaderBytes + bodyLength)];
        var body = span[HeaderBytes..];
        body[0] = FormatVersion;
        BinaryPrimitives.WriteInt64LittleEndian(body[1..], entry.ReceivedAt.UtcTicks);
        var at = 9;
        at += WriteString(body[at..], entry.EventId);
        at += WriteString(body[at..], entry.TeamId);
        at += WriteString(body[at..], entry.ChannelId);
        at += WriteString(body[at..], entry.EventType);
        entry.Payload.CopyTo(body[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(body));
        buffer.Advance(span.Length);
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="bytes"/>, which lies at <paramref name="position"/>
    /// in the log; false when there is no whole, intact one of the current version.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, long position, out JournalRecord record, out int size)
    {
        record = null!;
        size = 0;
        if (bytes.Length < HeaderBytes)
        {
            return false;
        }

        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (bodyLength < 9 || bodyLength > MaxBodyBytes || bodyLength > bytes.Length - HeaderBytes)
        {
            return false;
        }

        var body = bytes.Slice(HeaderBytes, bodyLength);
        if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) || body[0] != FormatVersion)
        {
            return false;
        }

        var at = 9;
        if (!TryReadString(body, ref at, out var eventId) || !TryReadString(body, ref at, out var teamId)
            || !TryReadString(body, ref at, out var channelId) || !TryReadString(body, ref at, out var eventType)
            || eventId is null || teamId is null || eventType is null)
        {
            return false;
        }

        var receivedAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(body[1..]), TimeSpan.Zero);
        size = HeaderBytes + bodyLength;
        record = new JournalRecord(new InboxEntry(eventId, teamId, channelId, eventType, receivedAt, body[at..].ToArray()), position + size);
        return true;
    }

    private static int Utf8Length(string? value) => 2 + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));

    // Ids and types are far shorter than 0xFFFF bytes.
    private static int WriteString(Span<byte> target, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target, ushort.MaxValue);
            return 2;
        }

        var written = Encoding.UTF8.GetBytes(value, target[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(target, checked((ushort)written));
        return 2 + written;
    }

    private static bool TryReadString(ReadOnlySpan<byte> body, ref int at, out string? value)
    {
        value = null;
        if (body.Length - at < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        at += 2;
        if (length == ushort.MaxValue)
        {
            return true;
        }

        if (body.Length - at < length)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(body.Slice(at, length));
        at += length;
        return true;
    }
}
