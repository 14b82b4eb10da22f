using System.Text.Json;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Audit;

/// <summary>
/// Reads one day file (a JSON array of message objects) with <see cref="Utf8JsonReader"/>. Only
/// <c>ts</c>, <c>user</c>, <c>text</c>, <c>subtype</c>, <c>thread_ts</c> and <c>bot_id</c> are
/// read; every other field is skipped whatever its shape. A day file is the unit the audit holds
/// in memory: never more than one at a time.
/// </summary>
internal static partial class DayFileParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>
    /// Parses one day file's bytes into <paramref name="into"/> (cleared first), in ts order:
    /// through <paramref name="scanner"/> when it can, else with <see cref="Utf8JsonReader"/>,
    /// which also reports what is wrong with a file.
    /// </summary>
    public static void Parse(ReadOnlySpan<byte> json, string fileName, List<ExportMessage> into, DayFileScanner? scanner = null)
    {
        into.Clear();
        if (scanner is null || !scanner.TryScan(WithoutByteOrderMark(json), into))
        {
            into.Clear();
            ParseBuffer(json, fileName, into);
        }

        // Exports list a day's messages in order; sort only when one is not.
        for (var i = 1; i < into.Count; i++)
        {
            if (into[i].Micros < into[i - 1].Micros)
            {
                into.Sort(static (a, b) => a.Micros != b.Micros ? a.Micros.CompareTo(b.Micros) : a.Index.CompareTo(b.Index));
                break;
            }
        }
    }

    private static void ParseBuffer(ReadOnlySpan<byte> json, string fileName, List<ExportMessage> into)
    {
        json = WithoutByteOrderMark(json);
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new ExportFormatException($"{fileName}: empty file; not a JSON array of messages.");
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new ExportFormatException($"{fileName}: not a JSON array of messages.");
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new ExportFormatException($"{fileName}: entry {index} is not a message object.");
                }

                into.Add(ReadMessage(ref reader, fileName, index));
                index++;
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new ExportFormatException($"{fileName}: not a JSON array of messages (content after the array).");
            }
        }
        catch (JsonException ex)
        {
            throw new ExportFormatException(
                $"{fileName}: invalid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}.", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString on an escaped lone surrogate outside a message's text.
            throw new ExportFormatException($"{fileName}: a field is not valid text ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// A message's text, where an unpaired UTF-16 surrogate escape (a broken emoji, which Slack
    /// exports do contain) becomes U+FFFD instead of failing the whole audit.
    /// </summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            var raw = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            var repaired = LoneSurrogate().Replace(raw, "\\uFFFD");
            return JsonSerializer.Deserialize("\"" + repaired + "\"", ExportJsonContext.Default.String);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogate();

    /// <summary>A UTF-8 byte order mark is not JSON, but some tools write one.</summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> json) =>
        json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? json[3..] : json;

    private static ExportMessage ReadMessage(ref Utf8JsonReader reader, string fileName, int index)
    {
        string? ts = null, user = null, text = null, subtype = null, threadTs = null;
        var hasBotId = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (escaped || reader.TokenType != JsonTokenType.String)
            {
                // Fields we read are strings; any other shape of them counts as absent (a
                // non-string subtype as an unknown subtype), and no escaped name is ours.
                if (!escaped && name.SequenceEqual("subtype"u8) && reader.TokenType != JsonTokenType.Null)
                {
                    subtype = "?";
                }

                reader.Skip();
            }
            else if (name.SequenceEqual("ts"u8))
            {
                ts = reader.GetString();
            }
            else if (name.SequenceEqual("text"u8))
            {
                text = ReadText(ref reader);
            }
            else if (name.SequenceEqual("user"u8))
            {
                user = reader.GetString();
            }
            else if (name.SequenceEqual("subtype"u8))
            {
                subtype = reader.GetString();
            }
            else if (name.SequenceEqual("thread_ts"u8))
            {
                threadTs = reader.GetString();
            }
            else if (name.SequenceEqual("bot_id"u8))
            {
                hasBotId = true;
            }
        }

        if (ts is null)
        {
            throw new ExportFormatException($"{fileName}: entry {index} has no ts string.");
        }

        if (!MessageTs.IsValid(ts))
        {
            throw new ExportFormatException($"{fileName}: entry {index} has an invalid ts \"{ts}\".");
        }

        return new ExportMessage(index, ts, new MessageTs(ts).Micros, user, text, ExportMessage.SubtypeOf(subtype),
            MessageTs.IsValid(threadTs) ? threadTs : null, hasBotId);
    }
}
