namespace AsyncCoach.Core.Rules;

/// <summary>The shapes of a deadline written with digits: clock times, dates, day numbers, spans (<see cref="Deadlines"/>).</summary>
internal static partial class Deadlines
{
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
            || before.EndsWith("after", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("until", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("till", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("embargo", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("embargoed", StringComparison.OrdinalIgnoreCase);
    }

    // "15.12.", "3.2.2027": one or two digits for the day (at most 31), a dot, one or two for the month
    // (at most 12) and a closing dot (then a year, or no digit). "15.8 avg", "v2.3", "1.2.3" are not dates;
    // "16.45 at the latest" is read as a time elsewhere.
    private static bool IsDottedDate(ReadOnlySpan<char> raw, int dot)
    {
        var dayStart = dot;
        while (dayStart > 0 && char.IsAsciiDigit(raw[dayStart - 1]))
        {
            dayStart--;
        }

        var monthEnd = dot + 1;
        while (monthEnd < raw.Length && char.IsAsciiDigit(raw[monthEnd]))
        {
            monthEnd++;
        }

        if (dot - dayStart is < 1 or > 2 || monthEnd - dot - 1 is < 1 or > 2 || monthEnd >= raw.Length || raw[monthEnd] != '.'
            || (dayStart > 0 && (char.IsAsciiLetter(raw[dayStart - 1]) || raw[dayStart - 1] is '.' or ',' or '-' or '/')))
        {
            return false;
        }

        var day = int.Parse(raw[dayStart..dot], System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(raw[(dot + 1)..monthEnd], System.Globalization.CultureInfo.InvariantCulture);
        var yearEnd = monthEnd + 1;
        while (yearEnd < raw.Length && char.IsAsciiDigit(raw[yearEnd]))
        {
            yearEnd++;
        }

        // "10.1.20.5" is an address: a year followed by a dot and a digit is not a year.
        var yearLength = yearEnd - monthEnd - 1;
        return day is >= 1 and <= 31 && month is >= 1 and <= 12 && yearLength is 0 or 2 or 4
            && !(yearLength > 0 && yearEnd + 1 < raw.Length && raw[yearEnd] == '.' && char.IsAsciiDigit(raw[yearEnd + 1]));
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

    // "2nd reminder", "the 3rd floor", "ni 2nd mate Reyes", "the 5th batch": an ordinal that ranks the noun after
    // it is no day of the month (twelfth pass). A day is an ordinal alone in its clause, or followed by a month,
    // "of", a time ("at", "am", "noon"), a request word or another day ("the 18th and 19th"); or after a month.
    private static bool IsRank(in RuleContext context, int i)
    {
        if (i > 0 && !context.ClauseBreakBetween(i - 1, i) && IsMonth(context.WordAt(i - 1)))
        {
            return false; // "March 3rd"
        }

        if (i + 1 >= context.Words.Length || context.ClauseBreakBetween(i, i + 1))
        {
            return false;
        }

        var next = context.WordAt(i + 1);
        return !IsMonth(next) && !IsOrdinal(next) && !IsNumber(next, 4)
            && next is not ("of" or "at" or "by" or "and" or "or" or "to" or "till" or "until" or "latest" or "max" or "please" or "pls" or "plz" or "thanks" or "thx"
                or "am" or "pm" or "noon" or "midday" or "morning" or "afternoon" or "evening" or "night" or "eod" or "cob" or "eob" or "so" or "if" or "because"
                or "as" or "then" or "when" or "is" or "it" or "we" or "i" or "you" or "they" or "the" or "otherwise" or "ok" or "okay" or "deadline" or "cutoff"
                or "mon" or "tue" or "wed" or "thu" or "fri" or "sat" or "sun" or "monday" or "tuesday" or "wednesday" or "thursday" or "friday"
                or "saturday" or "sunday" or "no" or "not" or "sharp" or "lol" or "too" or "also" or "ideally" or "hopefully" or "right" or "cheers");
    }

    // "asap, 17h", "avant 14h": an hour glued to its "h" (10h to 23h; "2h" is as often a span) is a clock
    // time in the languages that write it so (twelfth pass); "48h", "24h" are spans, read after "in/within".
    private static bool IsBareClock(ReadOnlySpan<char> word) =>
        word.Length == 3 && word[2] == 'h' && IsNumber(word[..2], 2) && int.Parse(word[..2], System.Globalization.CultureInfo.InvariantCulture) is >= 10 and <= 23;

    // "10h late", "for 12h", "a 24h service": a number of hours that measures, not a time it is due.
    private static bool IsDuration(in RuleContext context, int i) =>
        (i > 0 && !context.ClauseBreakBetween(i - 1, i) && context.WordAt(i - 1) is "for" or "a" or "an" or "the" or "last" or "past" or "over" or "about"
            or "around" or "nearly" or "almost" or "already" or "another" or "extra" or "every" or "each" or "per")
        || (i + 1 < context.Words.Length && !context.ClauseBreakBetween(i, i + 1) && context.WordAt(i + 1) is "late" or "ago" or "behind" or "delay"
            or "delayed" or "overdue" or "shift" or "shifts" or "support" or "service" or "window" or "sla" or "turnaround" or "coverage" or "rotation"
            or "fast" or "straight" or "long" or "old" or "of" or "down" or "outage");

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

    // "at 9", "by 5": an hour of the day; "at 95" (percent, a count) is not.
    private static bool IsHour(ReadOnlySpan<char> word) => IsNumber(word, 2) && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) <= 24;

    private static bool IsAmount(ReadOnlySpan<char> word) =>
        IsNumber(word, 3) || word is "a" or "an" or "one" or "two" or "three" or "few" or "couple" or "half" or "the";

    private static bool IsUnit(ReadOnlySpan<char> word) =>
        word is "min" or "mins" or "minute" or "minutes" or "m" or "hour" or "hours" or "hr" or "hrs" or "h" or "day" or "days" or "week" or "weeks"
            or "wk" or "wks" or "fortnight";

    private static bool IsSpokenDeadline(in RuleContext context, int i)
    {
        var word = context.WordAt(i);
        if (word is "eop" or "eopd" || (word is "arvo" or "avo" && i > 0 && context.WordAt(i - 1) is "this" or "tomorrow" or "today" or "tmrw" or "by"))
        {
            return true; // end of play; "this arvo" is this afternoon
        }

        if (word is "oclock" && i > 0 && IsHourWord(context.WordAt(i - 1)))
        {
            return true;
        }

        // "tomorrow's the cutoff", "today's the last day": the day is the subject of "is", a deadline named.
        if (word is "todays" or "tomorrows" or "tonights" && (i == 0 || context.ClauseBreakBetween(i - 1, i)) && i + 1 < context.Words.Length
            && context.WordAt(i + 1) is "the" or "our" or "my" or "your" or "a" or "deadline" or "cutoff" or "latest" or "last" or "fine" or "ok" or "okay")
        {
            return true;
        }

        // "17.30 at the latest", "5 latest": a number the latest time is set by.
        if (word is "latest" && i > 0)
        {
            var k = i - 1;
            if (k >= 2 && context.WordAt(k) is "the" && context.WordAt(k - 1) is "at")
            {
                k -= 2;
            }

            return k >= 0 && IsNumber(context.WordAt(k), 2) && !context.ClauseBreakBetween(k, i);
        }

        return false;
    }

    // The time after "by", "at" or "before", in the shapes no list holds: a 24-hour "1700" or "0930"
    // (not "2026": a year), "half five", "quarter past 3", "quarter to four", "17h".
    private static bool IsClockAfterMarker(in RuleContext context, int at)
    {
        var word = context.WordAt(at);
        if (word.Length == 4 && IsNumber(word, 4) && (word[0] is '0' or '1' || (word[0] == '2' && word[1] is >= '1' and <= '3')) && word[2] <= '5')
        {
            return true;
        }

        if (word is "half" or "quarter" && at + 1 < context.Words.Length)
        {
            var hour = context.WordAt(at + 1) is "past" or "to" && at + 2 < context.Words.Length ? context.WordAt(at + 2) : context.WordAt(at + 1);
            return IsHourWord(hour);
        }

        return word.Length is 2 or 3 && word[^1] == 'h' && IsHour(word[..^1]);
    }

    private static bool IsHourWord(ReadOnlySpan<char> word) =>
        (IsNumber(word, 2) && IsHour(word) && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) <= 12)
        || word is "one" or "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine" or "ten" or "eleven" or "twelve";

    // A clock written as one word with its unit: "17h30", "9h15", "1700hrs", "0930h".
    private static bool IsGluedClock(ReadOnlySpan<char> word)
    {
        var h = word.IndexOf('h');
        if (h is < 1 or > 4 || !IsNumber(word[..h], 4))
        {
            return false;
        }

        var rest = word[(h + 1)..];
        return h <= 2 ? rest.Length == 2 && IsNumber(rest, 2) && IsHour(word[..h]) && rest[0] <= '5' : h == 4 && rest is "" or "rs" or "r";
    }

    // A span written as one word: "48h", "2hrs", "30mins", "3d", "2wks".
    private static bool IsGluedSpan(ReadOnlySpan<char> word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        return digits is >= 1 and <= 3 && digits < word.Length && IsUnit(word[digits..]) && word[digits..] is not "m";
    }
}
