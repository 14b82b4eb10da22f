namespace AsyncCoach.Core.Rules;

/// <summary>
/// Whether a message states a concrete deadline: a deadline phrase from the data, or a shape
/// no list can hold: a clock time (15:00, 3pm, 3 pm), a date (2026-03-10, 10/3, 3rd), "by 5",
/// "in 30 minutes", "within 2 hrs".
/// </summary>
internal static class Deadlines
{
    public static bool HasDeadline(in RuleContext context)
    {
        if (context.Has(PhraseLists.DeadlineIndex) || HasClockOrDate(context.Message.Text))
        {
            return true;
        }

        var words = context.Words;
        for (var i = 0; i < words.Length; i++)
        {
            var word = context.WordAt(i);
            if (IsTimeOfDay(word) || IsOrdinal(word))
            {
                return true;
            }

            if (IsNumber(word, 2) && i + 1 < words.Length && context.WordAt(i + 1) is "am" or "pm")
            {
                return true;
            }

            if (word is "by" or "before" or "until" && i + 1 < words.Length && IsNumber(context.WordAt(i + 1), 2))
            {
                return true;
            }

            if (word is "in" or "within" or "next" && i + 2 < words.Length && IsAmount(context.WordAt(i + 1)))
            {
                var unit = i + 2 < words.Length && context.WordAt(i + 2) is "of" or "couple" && i + 3 < words.Length
                    ? context.WordAt(i + 3)
                    : context.WordAt(i + 2);
                if (IsUnit(unit))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasClockOrDate(ReadOnlySpan<char> raw)
    {
        for (var i = 1; i + 2 < raw.Length; i++)
        {
            if (char.IsAsciiDigit(raw[i - 1]) && char.IsAsciiDigit(raw[i + 1]))
            {
                if (raw[i] == ':' && char.IsAsciiDigit(raw[i + 2]) && !FollowsPastMarker(raw, i - 1))
                {
                    return true; // 15:00, but not "since 14:00" (that is when it started, not when it is due)
                }

                if (raw[i] is '/' or '-' && (i < 2 || raw[i - 2] is not '/' && !char.IsAsciiLetter(raw[i - 2])) && IsShortNumberAt(raw, i + 1))
                {
                    return true; // 10/3, 2026-03-10 (not PROJ-123, not a URL path /42/7 is rare enough)
                }
            }
        }

        return false;
    }

    private static bool FollowsPastMarker(ReadOnlySpan<char> raw, int digitIndex)
    {
        var end = digitIndex;
        while (end > 0 && char.IsAsciiDigit(raw[end - 1]))
        {
            end--;
        }

        var before = raw[..end].TrimEnd();
        return before.EndsWith("since", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("from", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("after", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsShortNumberAt(ReadOnlySpan<char> raw, int start)
    {
        var length = 0;
        while (start + length < raw.Length && char.IsAsciiDigit(raw[start + length]))
        {
            length++;
        }

        return length is >= 1 and <= 2;
    }

    private static bool IsTimeOfDay(ReadOnlySpan<char> word) =>
        word.Length is >= 3 and <= 4 && (word.EndsWith("am") || word.EndsWith("pm")) && IsNumber(word[..^2], 2);

    private static bool IsOrdinal(ReadOnlySpan<char> word) =>
        word.Length is >= 3 and <= 4 && (word.EndsWith("st") || word.EndsWith("nd") || word.EndsWith("rd") || word.EndsWith("th"))
        && IsNumber(word[..^2], 2);

    private static bool IsNumber(ReadOnlySpan<char> word, int maxDigits)
    {
        if (word.IsEmpty || word.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAmount(ReadOnlySpan<char> word) =>
        IsNumber(word, 3) || word is "a" or "an" or "one" or "two" or "three" or "few" or "couple" or "half" or "the";

    private static bool IsUnit(ReadOnlySpan<char> word) =>
        word is "min" or "mins" or "minute" or "minutes" or "m" or "hour" or "hours" or "hr" or "hrs" or "h" or "day" or "days";
}
