using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using AsyncCoach.Core.Model;

namespace AsyncCoach.Audit;

/// <summary>
/// The fast way through a day file: one pass over its UTF-8 bytes that validates the JSON and
/// reads the audit's fields, jumping over everything else (blocks, attachments, reactions, files)
/// with vectorised searches instead of producing a token for every value in them, which is where
/// most of a realistic export's bytes are.
/// </summary>
/// <remarks>
/// It only says yes to input it can prove valid, and to which <see cref="System.Text.Json.Utf8JsonReader"/>
/// gives the same values: the file is valid UTF-8, nesting is shallow, no field the audit reads
/// appears twice in a message, every message has a valid <c>ts</c>, escaped surrogates are paired.
/// For anything else (invalid JSON, unusual but valid JSON) it declines and
/// <see cref="DayFileParser"/> reads the file with <c>Utf8JsonReader</c>, which also words any
/// error. So what the audit reads from a file, or how it fails, does not depend on this class.
/// One per worker: it keeps the user ids it has seen so each is allocated once.
/// </remarks>
internal sealed class DayFileScanner
{
    /// <summary>Utf8JsonReader's limit is 64; exports nest about 8 deep. Deeper files take the slow path.</summary>
    private const int MaxDepth = 32;

    private const int MaxInternedUsers = 1 << 16;
    private const int MaxUserLength = 64;

    private readonly Dictionary<string, string> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> userLookup;
    private char[] chars = new char[256];

    public DayFileScanner() => userLookup = users.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Reads every message of <paramref name="json"/> (without a byte order mark) into
    /// <paramref name="into"/>, in file order. False, with <paramref name="into"/> in any state,
    /// when the file has to be read by <c>Utf8JsonReader</c> instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryScan(ReadOnlySpan<byte> json, List<ExportMessage> into)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        var p = 0;
        if (!SkipWhitespace(json, ref p) || json[p] != '[')
        {
            return false;
        }

        p++;
        if (!SkipWhitespace(json, ref p))
        {
            return false;
        }

        if (json[p] == ']')
        {
            p++;
        }
        else
        {
            var index = 0;
            while (true)
            {
                if (json[p] != '{' || !ReadMessage(json, ref p, index++, into) || !NextItem(json, ref p, (byte)']', out var done))
                {
                    return false;
                }

                if (done)
                {
                    break;
                }
            }
        }

        // Only whitespace may follow the array.
        return !SkipWhitespace(json, ref p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadMessage(ReadOnlySpan<byte> json, ref int p, int index, List<ExportMessage> into)
    {
        // Each field the audit reads, as the [start, end) of its string's content; an escaped one is decoded later.
        Range ts = default, user = default, text = default, threadTs = default;
        bool tsEscaped = false, userEscaped = false, textEscaped = false, threadTsEscaped = false;
        var seen = 0;
        var subtype = ExportSubtype.None;
        var hasBotId = false;

        p++; // '{'
        if (!SkipWhitespace(json, ref p))
        {
            return false;
        }

        if (json[p] == '}')
        {
            return false; // no ts: the slow path reports it
        }

        while (true)
        {
            if (json[p] != '"')
            {
                return false;
            }

            var nameStart = p + 1;
            if (!SkipString(json, ref p, out var nameEscaped))
            {
                return false;
            }

            var name = json[nameStart..(p - 1)];
            if (!SkipWhitespace(json, ref p) || json[p] != ':')
            {
                return false;
            }

            p++;
            if (!SkipWhitespace(json, ref p))
            {
                return false;
            }

            var field = nameEscaped ? Field.Other : FieldOf(name);
            if (field != Field.Other && json[p] == '"')
            {
                var bit = 1 << (int)field;
                if ((seen & bit) != 0)
                {
                    return false; // a repeated field: Utf8JsonReader decoded every copy, so let it
                }

                seen |= bit;
                var valueStart = p + 1;
                if (!SkipString(json, ref p, out var escaped))
                {
                    return false;
                }

                var value = new Range(valueStart, p - 1);
                switch (field)
                {
                    case Field.Ts:
                        (ts, tsEscaped) = (value, escaped);
                        break;
                    case Field.User:
                        (user, userEscaped) = (value, escaped);
                        break;
                    case Field.Text:
                        (text, textEscaped) = (value, escaped);
                        break;
                    case Field.ThreadTs:
                        (threadTs, threadTsEscaped) = (value, escaped);
                        break;
                    case Field.Subtype:
                        if (!TrySubtype(json[value], escaped, out subtype))
                        {
                            return false;
                        }

                        break;
                    default:
                        hasBotId = true;
                        break;
                }
            }
            else
            {
                // Not a string: the field counts as absent, except that a subtype other than null is an unknown one.
                if (field == Field.Subtype)
                {
                    if ((seen & (1 << (int)Field.Subtype)) != 0)
                    {
                        return false;
                    }

                    seen |= 1 << (int)Field.Subtype;
                    if (json[p] != 'n')
                    {
                        subtype = ExportSubtype.Other;
                    }
                }

                if (!SkipValue(json, ref p, depth: 2))
                {
                    return false;
                }
            }

            if (!NextItem(json, ref p, (byte)'}', out var done))
            {
                return false;
            }

            if (done)
            {
                break;
            }
        }

        if ((seen & (1 << (int)Field.Ts)) == 0 || Decode(json[ts], tsEscaped) is not { } tsText || !MessageTs.IsValid(tsText))
        {
            return false; // missing or invalid ts: the slow path reports it
        }

        string? userText = null, messageText = null, threadText = null;
        if ((seen & (1 << (int)Field.User)) != 0 && (userText = User(json[user], userEscaped)) is null)
        {
            return false;
        }

        if ((seen & (1 << (int)Field.Text)) != 0 && (messageText = Decode(json[text], textEscaped)) is null)
        {
            return false;
        }

        if ((seen & (1 << (int)Field.ThreadTs)) != 0 && (threadText = Decode(json[threadTs], threadTsEscaped)) is null)
        {
            return false;
        }

        into.Add(new ExportMessage(index, tsText, new MessageTs(tsText).Micros, userText, messageText, subtype,
            MessageTs.IsValid(threadText) ? threadText : null, hasBotId));
        return true;
    }

    private static Field FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("ts"u8) => Field.Ts,
        4 when name.SequenceEqual("user"u8) => Field.User,
        4 when name.SequenceEqual("text"u8) => Field.Text,
        6 when name.SequenceEqual("bot_id"u8) => Field.BotId,
        7 when name.SequenceEqual("subtype"u8) => Field.Subtype,
        9 when name.SequenceEqual("thread_ts"u8) => Field.ThreadTs,
        _ => Field.Other,
    };

    private bool TrySubtype(ReadOnlySpan<byte> content, bool escaped, out ExportSubtype subtype)
    {
        if (escaped)
        {
            var decoded = Decode(content, escaped: true);
            subtype = ExportMessage.SubtypeOf(decoded);
            return decoded is not null;
        }

        subtype = MessageSubtypes.IsHuman(content) ? ExportSubtype.Human : ExportSubtype.Other;
        return true;
    }

    /// <summary>A user id, the same string object for every message of that user.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? User(ReadOnlySpan<byte> content, bool escaped)
    {
        if (escaped || content.Length > MaxUserLength)
        {
            return Decode(content, escaped);
        }

        Span<char> id = stackalloc char[MaxUserLength];
        id = id[..Encoding.UTF8.GetChars(content, id)];
        if (userLookup.TryGetValue(id, out var known))
        {
            return known;
        }

        var user = id.ToString();
        if (users.Count < MaxInternedUsers)
        {
            users[user] = user;
        }

        return user;
    }

    /// <summary>A string's content as .NET text; null when Utf8JsonReader would refuse to decode it (an unpaired surrogate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Decode(ReadOnlySpan<byte> content, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(content); // the file is valid UTF-8
        }

        if (chars.Length < content.Length)
        {
            chars = new char[Math.Max(content.Length, chars.Length * 2)];
        }

        var length = 0;
        while (true)
        {
            var slash = content.IndexOf((byte)'\\');
            var plain = slash < 0 ? content : content[..slash];
            length += Encoding.UTF8.GetChars(plain, chars.AsSpan(length));
            if (slash < 0)
            {
                return new string(chars, 0, length);
            }

            // SkipString has checked the escape's shape: a known letter, or 'u' and four hex digits.
            var kind = content[slash + 1];
            if (kind != 'u')
            {
                chars[length++] = kind switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)kind, // '"', '\\', '/'
                };
                content = content[(slash + 2)..];
                continue;
            }

            var unit = (char)Hex(content.Slice(slash + 2, 4));
            content = content[(slash + 6)..];
            if (char.IsLowSurrogate(unit))
            {
                return null;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (content.Length < 6 || content[0] != '\\' || content[1] != 'u' || !char.IsLowSurrogate((char)Hex(content.Slice(2, 4))))
                {
                    return null;
                }

                chars[length++] = unit;
                unit = (char)Hex(content.Slice(2, 4));
                content = content[6..];
            }

            chars[length++] = unit;
        }
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = (value << 4) | HexDigit(d);
        }

        return value;
    }

    private static int HexDigit(byte d) => d switch
    {
        >= (byte)'0' and <= (byte)'9' => d - '0',
        >= (byte)'a' and <= (byte)'f' => d - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => d - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// After an array element or object member: <paramref name="close"/> ends the container
    /// (<paramref name="done"/>), a comma moves past it to the next item; false for anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool NextItem(ReadOnlySpan<byte> json, ref int p, byte close, out bool done)
    {
        done = false;
        if (!SkipWhitespace(json, ref p))
        {
            return false;
        }

        if (json[p] == close)
        {
            p++;
            done = true;
            return true;
        }

        if (json[p] != ',')
        {
            return false;
        }

        p++;
        return SkipWhitespace(json, ref p);
    }

    /// <summary>Moves past JSON whitespace; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipWhitespace(ReadOnlySpan<byte> json, ref int p)
    {
        if ((uint)p < (uint)json.Length && json[p] > ' ')
        {
            return true;
        }

        if (p >= json.Length)
        {
            return false;
        }

        p = FirstNonWhitespace(json, p);
        return p < json.Length;
    }

    /// <summary>
    /// The first byte from <paramref name="i"/> on that is not JSON whitespace, or the length.
    /// </summary>
    /// <remarks>
    /// Here and in <see cref="StringStop"/> the vector loop is written out: SearchValues would do
    /// the same, but its generic search methods start as unoptimised code on every run and stayed
    /// that way for a large part of an audit.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstNonWhitespace(ReadOnlySpan<byte> json, int i)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(json);
            var space = Vector128.Create((byte)' ');
            var tab = Vector128.Create((byte)'\t');
            var lf = Vector128.Create((byte)'\n');
            var cr = Vector128.Create((byte)'\r');
            for (; i + Vector128<byte>.Count <= json.Length; i += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                var blank = Vector128.Equals(v, space) | Vector128.Equals(v, tab) | Vector128.Equals(v, lf) | Vector128.Equals(v, cr);
                var other = ~blank.ExtractMostSignificantBits() & 0xFFFFu;
                if (other != 0)
                {
                    return i + BitOperations.TrailingZeroCount(other);
                }
            }
        }

        for (; i < json.Length; i++)
        {
            if (json[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return i;
            }
        }

        return json.Length;
    }

    /// <summary>The first quote, backslash or control character from <paramref name="i"/> on, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int StringStop(ReadOnlySpan<byte> json, int i)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(json);
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)' ');
            for (; i + Vector128<byte>.Count <= json.Length; i += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                var stop = Vector128.Equals(v, quote) | Vector128.Equals(v, backslash) | Vector128.LessThan(v, space);
                var bits = stop.ExtractMostSignificantBits();
                if (bits != 0)
                {
                    return i + BitOperations.TrailingZeroCount(bits);
                }
            }
        }

        for (; i < json.Length; i++)
        {
            if (json[i] is (byte)'"' or (byte)'\\' or < (byte)' ')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>From an opening quote to just past its closing quote, checking every escape; false if the string is invalid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipString(ReadOnlySpan<byte> json, ref int p, out bool escaped)
    {
        escaped = false;
        var i = p + 1;
        while (true)
        {
            i = StringStop(json, i);
            if (i < 0)
            {
                return false;
            }

            var b = json[i];
            if (b == '"')
            {
                p = i + 1;
                return true;
            }

            if (b != '\\' || i + 1 >= json.Length)
            {
                return false; // a raw control character, or the input ends
            }

            escaped = true;
            switch (json[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u':
                    if (i + 6 > json.Length || HexDigit(json[i + 2]) < 0 || HexDigit(json[i + 3]) < 0
                        || HexDigit(json[i + 4]) < 0 || HexDigit(json[i + 5]) < 0)
                    {
                        return false;
                    }

                    i += 6;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Moves past one value of any shape at <paramref name="depth"/> (containers already open),
    /// checking it is valid JSON; false if it is not, or nests deeper than <see cref="MaxDepth"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipValue(ReadOnlySpan<byte> json, ref int p, int depth)
    {
        var level = 0; // containers opened inside this value
        ulong objects = 0; // bit i: the container at level i is an object
        while (true)
        {
            // At the start of a value.
            var b = json[p];
            if (b is (byte)'{' or (byte)'[')
            {
                if (depth + level >= MaxDepth)
                {
                    return false;
                }

                var isObject = b == '{';
                objects = isObject ? objects | (1UL << level) : objects & ~(1UL << level);
                level++;
                p++;
                if (!SkipWhitespace(json, ref p))
                {
                    return false;
                }

                if (json[p] != (isObject ? '}' : ']'))
                {
                    if (isObject && !SkipName(json, ref p))
                    {
                        return false;
                    }

                    continue;
                }

                p++;
                level--; // an empty container is a complete value
            }
            else if (!SkipScalar(json, ref p))
            {
                return false;
            }

            // After a complete value: close containers until one continues with a comma.
            while (true)
            {
                if (level == 0)
                {
                    return true;
                }

                if (!SkipWhitespace(json, ref p))
                {
                    return false;
                }

                var inObject = ((objects >> (level - 1)) & 1) != 0;
                b = json[p];
                if (b == (inObject ? '}' : ']'))
                {
                    p++;
                    level--;
                    continue;
                }

                if (b != ',')
                {
                    return false;
                }

                p++;
                if (!SkipWhitespace(json, ref p) || (inObject && !SkipName(json, ref p)))
                {
                    return false;
                }

                break;
            }
        }
    }

    /// <summary>A property name and its colon, leaving <paramref name="p"/> at the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipName(ReadOnlySpan<byte> json, ref int p)
    {
        if (json[p] != '"' || !SkipString(json, ref p, out _) || !SkipWhitespace(json, ref p) || json[p] != ':')
        {
            return false;
        }

        p++;
        return SkipWhitespace(json, ref p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipScalar(ReadOnlySpan<byte> json, ref int p)
    {
        var rest = json[p..];
        switch (rest[0])
        {
            case (byte)'"':
                return SkipString(json, ref p, out _);
            case (byte)'t' when rest.StartsWith("true"u8):
                p += 4;
                return true;
            case (byte)'f' when rest.StartsWith("false"u8):
                p += 5;
                return true;
            case (byte)'n' when rest.StartsWith("null"u8):
                p += 4;
                return true;
            default:
                return SkipNumber(json, ref p);
        }
    }

    /// <summary>A number by JSON's grammar. What follows it is checked by the caller (a delimiter must).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipNumber(ReadOnlySpan<byte> json, ref int p)
    {
        var i = p;
        if (i < json.Length && json[i] == '-')
        {
            i++;
        }

        if (i >= json.Length || !char.IsAsciiDigit((char)json[i]))
        {
            return false;
        }

        if (json[i++] != '0')
        {
            i = Digits(json, i);
        }

        if (i < json.Length && json[i] == '.')
        {
            var fraction = ++i;
            if ((i = Digits(json, i)) == fraction)
            {
                return false;
            }
        }

        if (i < json.Length && (json[i] | 0x20) == 'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var exponent = i;
            if ((i = Digits(json, i)) == exponent)
            {
                return false;
            }
        }

        p = i;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return i;
    }

    private enum Field
    {
        Ts,
        User,
        Text,
        Subtype,
        ThreadTs,
        BotId,
        Other,
    }
}
