using System.Globalization;

namespace AsyncCoach.Core.Model;

/// <summary>A Slack workspace id (<c>T…</c>).</summary>
public readonly record struct TeamId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A Slack conversation id (<c>C…</c>, <c>G…</c>, <c>D…</c>).</summary>
public readonly record struct ChannelId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A Slack user id (<c>U…</c> or <c>W…</c>).</summary>
public readonly record struct UserId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A Slack message timestamp such as <c>1531420618.000200</c>: the message's id within its
/// conversation and, read as Unix seconds, the time it was posted. Kept as the exact string
/// Slack sent so it can be echoed back (an audit reports it verbatim).
/// </summary>
public readonly record struct MessageTs(string Value) : IComparable<MessageTs>
{
    public override string ToString() => Value;

    /// <summary>Microseconds since the Unix epoch; orders messages within a conversation.</summary>
    public long Micros => TryParseMicros(Value, out var micros) ? micros : 0;

    public DateTimeOffset ToInstant() => DateTimeOffset.UnixEpoch.AddTicks(Micros * 10);

    public int CompareTo(MessageTs other) => Micros.CompareTo(other.Micros);

    public static bool operator <(MessageTs left, MessageTs right) => left.CompareTo(right) < 0;

    public static bool operator <=(MessageTs left, MessageTs right) => left.CompareTo(right) <= 0;

    public static bool operator >(MessageTs left, MessageTs right) => left.CompareTo(right) > 0;

    public static bool operator >=(MessageTs left, MessageTs right) => left.CompareTo(right) >= 0;

    public static bool IsValid(string? value) => value is not null && TryParseMicros(value, out _);

    public static MessageTs FromInstant(DateTimeOffset instant)
    {
        var micros = (instant - DateTimeOffset.UnixEpoch).Ticks / 10;
        return new MessageTs(string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}"));
    }

    private static bool TryParseMicros(string value, out long micros)
    {
        micros = 0;
        var span = value.AsSpan();
        var dot = span.IndexOf('.');
        var secondsPart = dot < 0 ? span : span[..dot];
        var fractionPart = dot < 0 ? [] : span[(dot + 1)..];
        if (secondsPart.IsEmpty || fractionPart.Length > 6
            || !long.TryParse(secondsPart, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        long fraction = 0;
        foreach (var c in fractionPart)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            fraction = (fraction * 10) + (c - '0');
        }

        for (var i = fractionPart.Length; i < 6; i++)
        {
            fraction *= 10;
        }

        micros = (seconds * 1_000_000) + fraction;
        return true;
    }
}
