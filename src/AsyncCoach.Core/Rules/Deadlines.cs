namespace AsyncCoach.Core.Rules;

/// <summary>
/// Whether a message states a concrete deadline: a deadline phrase from the data, or a shape
/// no list can hold: a clock time (15:00, 3pm, 3 pm), a date (2026-03-10, 10/3, 3rd), "by 5",
/// "in 30 minutes", "within 2 hrs", "before &lt;event&gt;", "end of &lt;period&gt;". A clock time after
/// "since", "from", "after", "until", "till" or "embargo" says when something started or stops, not
/// when it is due; so does a listed deadline after "since", "from", "until" or "till" ("since January").
/// </summary>
internal static partial class Deadlines
{
    public static bool HasDeadline(in RuleContext context) => HasDeadline(context, 0, -1, -1);

    /// <summary>
    /// Whether a deadline stands from word <paramref name="from"/> on, outside an "until" clause (thirteenth pass): "I need this
    /// today... actually no, asap", "vandaag nog... nee wacht, gewoon zo snel mogelijk" withdraw the deadline before the correction
    /// (<see cref="CorrectedFrom"/>); "nobody works under it until the inspector comes tomorrow at 8", "bis der TÜV-Prüfer morgen
    /// 8 Uhr kommt" say when something stops, not when it is due.
    /// </summary>
    public static bool HasDeadline(in RuleContext context, int from)
    {
        var (stopFrom, stopTo) = UntilClause(context);
        return HasDeadline(context, from, stopFrom, stopTo);
    }

    private static bool HasDeadline(in RuleContext context, int from, int stopFrom, int stopTo)
    {
        var text = context.Message.Text.AsSpan();
        var raw = from > 0 && UrgencyMention.RawOffset(context, from) is var at and >= 0 ? text[at..] : text;
        var rest = ReadOnlySpan<char>.Empty;
        if (stopFrom >= from && UrgencyMention.RawOffset(context, stopFrom) is var stop and >= 0 && UrgencyMention.RawOffset(context, stopTo - 1) is var stopLast and >= 0)
        {
            // The clause's text is left out of the shapes read on the raw text: what comes before it and after it.
            rest = text[(stopLast + context.WordAt(stopTo - 1).Length)..];
            raw = text[(text.Length - raw.Length)..stop];
        }
        else
        {
            stopFrom = stopTo = -1;
        }

        if (HasDeadlinePhrase(context, from, stopFrom, stopTo) || HasClockOrDate(raw) || HasDottedAbbreviation(raw) || HasClockOrDate(rest) || HasDottedAbbreviation(rest)
            || HasRelativeDay(raw) || HasRelativeDay(rest))
        {
            return true;
        }

        var words = context.Words;
        for (var i = from; i < words.Length; i++)
        {
            if (i >= stopFrom && i < stopTo)
            {
                continue;
            }

            var word = context.WordAt(i);
            if ((IsOrdinal(word) && !IsRank(context, i)) || (IsTimeOfDay(word) && !AfterPastMarker(context, i)) || IsDayWord(context, i)
                || (IsBareClock(word) && !AfterPastMarker(context, i) && !IsDuration(context, i)))
            {
                return true;
            }

            if (IsNumber(word, 2) && i + 1 < words.Length && context.WordAt(i + 1) is "am" or "pm" && !AfterPastMarker(context, i))
            {
                return true;
            }

            if (word is "by" or "before" or "at" && i + 1 < words.Length && IsHour(context.WordAt(i + 1)) && !AfterPastMarker(context, i + 1)
                && !IsMeasured(context, i + 2))
            {
                return true;
            }

            // "by the weekend", "this weekend", "over the weekend": the weekend as the day it is due (twelfth pass);
            // "the weekend team" names a shift.
            if (word is "weekend" && i > 0 && context.WordAt(i - 1) is "the" or "this" or "next" or "thru" or "through" && !AfterStartOrStop(context, i - 1)
                && (i + 1 == words.Length || context.ClauseBreakBetween(i, i + 1) || context.WordAt(i + 1) is "please" or "pls" or "plz" or "latest" or "at"
                    or "max" or "ideally" or "if" or "so" or "thanks" or "thx" or "ok" or "okay" or "then" or "or" or "and"))
            {
                return true;
            }

            // "this arvo", "by EOP", "10 o'clock", "tomorrow's the cutoff", "17.30 at the latest" (eleventh pass); "15 Uhr", "a las
            // 3", "in 30 Minuten", "48h max", "by lunchtime" (thirteenth pass).
            if (IsSpokenDeadline(context, i) || IsWrittenClockOrSpan(context, i) || IsByMealOrQuarter(context, i) || IsWrittenDate(context, i))
            {
                return true;
            }

            // "by 1700", "at 0930", "by half five", "before quarter past 3", "by 17h", "17h30", "1700hrs" (eleventh pass).
            if ((word is "by" or "before" or "at" && i + 1 < words.Length && IsClockAfterMarker(context, i + 1)) || (IsGluedClock(word) && !AfterPastMarker(context, i)))
            {
                return true;
            }

            if ((Before(context, i) is var anchor and > 0 && IsEvent(context, anchor)) || (word is "end" && i + 1 < words.Length && context.WordAt(i + 1) is "of"))
            {
                return true; // "before rounds", "ahead of Sam's demo", "in time for the audit", "by end of sprint"
            }

            if (word is "in" or "within" or "next" && i + 2 < words.Length && IsAmount(context.WordAt(i + 1)))
            {
                var unit = i + 2 < words.Length && context.WordAt(i + 2) is "of" or "couple" && i + 3 < words.Length
                    ? context.WordAt(i + 3)
                    : context.WordAt(i + 2);
                // "the crates came in 2 days late": a span that measures a delay is no deadline (thirteenth pass).
                if (IsUnit(unit) && !IsDelay(context, i + 3))
                {
                    return true;
                }
            }

            // "within 48h", "in 2hrs", "next 30mins": a span written as one word.
            if (word is "in" or "within" or "next" && i + 1 < words.Length && IsGluedSpan(context.WordAt(i + 1)))
            {
                return true;
            }
        }

        return false;
    }

    // "by e.o.d.", "c.o.b. Friday": end of day / business / week written with dots, which the words lose (twelfth pass).
    private static bool HasDottedAbbreviation(ReadOnlySpan<char> raw) =>
        raw.Contains("e.o.d", StringComparison.OrdinalIgnoreCase) || raw.Contains("c.o.b", StringComparison.OrdinalIgnoreCase)
        || raw.Contains("e.o.b", StringComparison.OrdinalIgnoreCase) || raw.Contains("e.o.w", StringComparison.OrdinalIgnoreCase);

    // A one-word deadline glued into a name is part of the name: "Invoice_March.zip",
    // "release-march", "v2.3-sept", "Mon-Fri" (a span, not a due date).
    // "until the inspector comes tomorrow at 8", "bis der Prüfer morgen kommt", "hasta que llegue el técnico mañana": an "until"
    // followed by a subject opens a clause that says when something stops; its words, to the clause's end, are no deadline.
    // "until Friday", "bis Donnerstag 12 Uhr" (German "by"), "hasta las 3" are read as before.
    private static (int From, int To) UntilClause(in RuleContext context)
    {
        for (var i = 0; i + 1 < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "until" or "till" or "til" or "bis" or "hasta" or "jusqua" or "tot" or "fino" && !context.ClauseBreakBetween(i, i + 1)
                && context.WordAt(i + 1) is "the" or "a" or "an" or "we" or "you" or "he" or "she" or "they" or "i" or "it" or "someone" or "der" or "die" or "das"
                    or "ein" or "eine" or "wir" or "er" or "sie" or "que" or "ce" or "ze" or "de" or "het" or "il" or "lo"
                && !AfterCompletion(context, i) && (i + 2 >= context.Words.Length || !IsTimeNoun(context.WordAt(i + 2))))
            {
                var end = i + 1;
                while (end < context.Words.Length && !context.ClauseBreakBetween(end - 1, end))
                {
                    end++;
                }

                return (i, end);
            }
        }

        return (-1, -1);
    }

    // "until the end of the week", "until the weekend", "until the 3rd": a time, not a clause (a non-native "by" after completion).
    private static bool IsTimeNoun(ReadOnlySpan<char> word) =>
        word is "end" or "close" or "start" or "beginning" or "weekend" or "morning" or "afternoon" or "evening" or "night" or "day" or "week" or "month"
            or "ende" or "fin" or "final" or "next" or "following" || IsNumber(word, 4) || IsOrdinal(word);

    private static bool HasDeadlinePhrase(in RuleContext context, int from, int stopFrom, int stopTo)
    {
        if (!context.Has(PhraseLists.DeadlineIndex))
        {
            return false;
        }

        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.DeadlineIndex && match.Start >= from && (match.Start < stopFrom || match.Start >= stopTo) && (match.Length > 1 || !context.IsGlued(match.Start)) && !AfterStartOrStop(context, match.Start)
                && !IsPeriodCovered(context, match) && !IsRuledOut(context, match.Start))
            {
                return true;
            }
        }

        return false;
    }

    // "need the cert asap, not next week", "asap rather than Friday": a deadline denied or set aside is none (thirteenth pass).
    private static bool IsRuledOut(in RuleContext context, int start) =>
        start > 0 && !context.ClauseBreakBetween(start - 1, start)
        && (context.WordAt(start - 1) is "not" || (start > 1 && context.WordAt(start - 1) is "than" or "of" && context.WordAt(start - 2) is "rather" or "instead"));

    /// <summary>
    /// Where a correction ends that comes before the message's last urgency word ("today... actually no, asap", "no wait",
    /// "scratch that", "or rather", and "nee wacht", "nein warte", "non attends", "no espera" in the languages the files read), or 0:
    /// a deadline before it is withdrawn.
    /// </summary>
    public static int CorrectedFrom(in RuleContext context, int lastUrgency)
    {
        var from = 0;
        for (var i = 1; i < lastUrgency && i < context.Words.Length; i++)
        {
            var first = context.WordAt(i - 1);
            var second = context.WordAt(i);
            if ((first is "actually" && second is "no" or "nah" or "scratch") || (first is "no" && second is "wait") || (first is "wait" && second is "no")
                || (first is "scratch" && second is "that") || (first is "or" && second is "rather") || (first is "nee" && second is "wacht")
                || (first is "nein" && second is "warte") || (first is "non" && second is "attends") || (first is "no" && second is "espera"))
            {
                from = i + 1;
            }
        }

        return from;
    }

    // "the labour attendance for November", "send your holiday requests for January", "the payroll of
    // March": a month after "for" or "of" is the period a thing covers, not when it is due (eleventh
    // pass). A day number after it ("for March 3") makes it a date; "by/before/until March" still anchors.
    private static bool IsPeriodCovered(in RuleContext context, PhraseMatch match)
    {
        var i = match.Start;
        if (match.Length == 1 && IsNamedPeriod(context, i))
        {
            return true;
        }

        if (match.Length != 1 || i == 0 || context.WordAt(i - 1) is not ("for" or "of") || !IsMonth(context.WordAt(i)))
        {
            return false;
        }

        return i + 1 >= context.Words.Length || context.ClauseBreakBetween(i, i + 1) || !IsNumber(context.WordAt(i + 1), 2);
    }

    // "need the April numbers asap", "send our March payroll": a month between a determiner and a noun names the period
    // a thing covers (twelfth pass); "by / before / for / until the April board" still anchors, and so does a day number.
    private static bool IsNamedPeriod(in RuleContext context, int i)
    {
        if (i == 0 || i + 1 >= context.Words.Length || !IsMonth(context.WordAt(i)) || context.ClauseBreakBetween(i - 1, i) || context.ClauseBreakBetween(i, i + 1)
            || context.WordAt(i - 1) is not ("the" or "our" or "your" or "my" or "their" or "his" or "her" or "last" or "its"))
        {
            return false;
        }

        var next = context.WordAt(i + 1);
        return !IsNumber(next, 4) && !IsOrdinal(next) && next is not ("at" or "latest" or "please" or "pls" or "and" or "or" or "the" or "end" or "deadline" or "cutoff")
            && (i < 2 || context.WordAt(i - 2) is not ("by" or "before" or "for" or "until" or "till" or "til" or "in" or "on" or "ahead" or "to"));
    }

    private static bool IsMonth(ReadOnlySpan<char> word) =>
        word is "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september" or "october" or "november"
            or "december" or "jan" or "feb" or "mar" or "apr" or "jun" or "jul" or "aug" or "sep" or "sept" or "oct" or "nov" or "dec";

    // "for tomorrow's shoot", "the seating chart for tonight's gala": a day named as the owner of an
    // event the ask is for (apostrophe dropped by normalisation) anchors it ("need today's figures asap"
    // names data, not a deadline); tomorrow's short forms ("tmrw", "2moro") are deadlines as they are.
    // Weekdays are left out: "mondays" is as often a plural ("on mondays") as a possessive.
    // A weekday counts when the apostrophe is written ("for Thursday's job", ninth pass).
    private static bool IsDayWord(in RuleContext context, int i) =>
        (context.WordAt(i) is "tmrw" or "tmr" or "tmrow" or "2moro" or "2morrow"
            || ((context.WordAt(i) is "todays" or "tomorrows" or "tonights" || IsWeekdayPossessive(context, i))
                && i > 0 && context.WordAt(i - 1) is "for" or "before" or "by" or "of" or "until" or "till"))
        && !AfterStartOrStop(context, i);

    private static bool IsWeekdayPossessive(in RuleContext context, int i)
    {
        var word = context.WordAt(i);
        if (word is not ("mondays" or "tuesdays" or "wednesdays" or "thursdays" or "fridays" or "saturdays" or "sundays"))
        {
            return false;
        }

        var stem = word[..^1];
        var raw = context.Message.Text.AsSpan();
        for (var from = 0; raw[from..].IndexOf(stem, StringComparison.OrdinalIgnoreCase) is var at and >= 0;)
        {
            var end = from + at + stem.Length;
            if (end + 1 < raw.Length && raw[end] is '\'' or '\u2019' && raw[end + 1] is 's' or 'S')
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    private static bool HasClockOrDate(ReadOnlySpan<char> raw)
    {
        // To the last character: "due 12/3" ends the message (thirteenth pass; the bound stopped one short).
        for (var i = 1; i + 1 < raw.Length; i++)
        {
            if (char.IsAsciiDigit(raw[i - 1]) && char.IsAsciiDigit(raw[i + 1]))
            {
                if (raw[i] == ':' && i + 2 < raw.Length && char.IsAsciiDigit(raw[i + 2]) && !FollowsPastMarker(raw, i - 1))
                {
                    return true; // 15:00, but not "since 14:00" (that is when it started, not when it is due)
                }

                if (raw[i] is '/' or '-' && (i < 2 || raw[i - 2] is not '/' && !char.IsAsciiLetter(raw[i - 2])) && IsShortNumberAt(raw, i + 1))
                {
                    return true; // 10/3, 2026-03-10 (not PROJ-123, not a URL path /42/7 is rare enough)
                }

                if (raw[i] == '.' && IsDottedDate(raw, i))
                {
                    return true; // 15.12., 3.2.2027: a day and a month, as most of Europe writes them (twelfth pass)
                }
            }
        }

        return false;
    }

    // "the milk's at 9 degrees", "all crews on 22 to withdraw" after "fall of ground at 22 level": a
    // number that counts or measures the noun after it, in its clause, is no hour (tenth pass).
    private static bool IsMeasured(in RuleContext context, int next) =>
        next < context.Words.Length && !context.ClauseBreakBetween(next - 1, next)
        && context.WordAt(next) is "degrees" or "degree" or "deg" or "c" or "f" or "level" or "levels" or "floor" or "percent" or "pct" or "kg" or "km"
            or "mph" or "kph" or "psi" or "bar" or "units" or "people" or "pax" or "items" or "pallets" or "boxes" or "cases" or "tonnes" or "tons"
            or "metres" or "meters" or "m" or "feet" or "ft" or "volts" or "amps" or "litres" or "liters" or "ml" or "per" or "knots" or "west" or "east"
            or "north" or "south" or "street" or "st" or "road" or "rd" or "trucks" or "staff" or "beds" or "rooms";

    // The ways of saying "before" that anchor a deadline to an event: a tiny grammar, not a list of events.
    private static readonly WordPattern[] BeforeMarkers =
    [
        WordPattern.Parse("before|pre"),
        WordPattern.Parse("ahead|prior of|to"),
        WordPattern.Parse("in time for|to"),
        WordPattern.Parse("no|not later|after than"),
        WordPattern.Parse("by the time"),
    ];

    // The word after a "before" marker ("before", "ahead of", "prior to", "in time for", "no later
    // than", "by the time") that starts at word i, or 0.
    private static int Before(in RuleContext context, int i)
    {
        var word = context.WordAt(i);
        if (word is not ("before" or "pre" or "ahead" or "prior" or "in" or "no" or "not" or "by"))
        {
            return 0;
        }

        if (word is "pre" && i > 0 && context.WordAt(i - 1) is "the" or "a" or "an" or "our" or "your" or "my" or "their" or "these" or "those" or "all")
        {
            return 0; // "send the pre-shipment samples": a compound adjective naming a kind of thing, not a deadline (tenth pass)
        }

        var end = 0;
        foreach (var pattern in BeforeMarkers)
        {
            end = Math.Max(end, pattern.Match(context, i));
        }

        return end;
    }

    // "before <event>": a noun phrase ("rounds", "the board meeting", "Sam's demo") or someone
    // leaving ("before I leave"); not "before I forget", "before that", "before we start guessing".
    private static bool IsEvent(in RuleContext context, int index)
    {
        if (index >= context.Words.Length)
        {
            return false;
        }

        var next = context.WordAt(index);
        if (next is "i" or "we" or "you" or "they" or "he" or "she" or "u")
        {
            // "before I leave", "before she heads off", "before they close", "before he lands": someone's going or a closing.
            return index + 1 < context.Words.Length && context.WordAt(index + 1) is "leave" or "go" or "head" or "log" or "sign" or "finish" or "close" or "wrap" or "travel" or "fly" or "present"
                or "leaves" or "goes" or "heads" or "logs" or "signs" or "finishes" or "closes" or "wraps" or "travels" or "flies" or "presents"
                or "land" or "lands" or "board" or "boards" or "arrive" or "arrives" or "clock" or "clocks" or "knock" or "knocks" or "shut" or "shuts"
                or "open" or "opens" or "end" or "ends" or "wake" or "wakes";
        }

        return next is not ("that" or "this" or "then" or "it" or "anything" or "everything" or "anyone" or "and" or "or" or "we" or "doing" or "now" or "so" or "but" or "too" or "i" or "me" or "us" or "them" or "if" or "because");
    }

    // "since January", "from Monday", "until Friday": when something started or stops, not when it is due
    // ("depuis ce matin", "desde ayer", "seit gestern": "since" in the languages the files read, tenth pass).
    // "needs to be delivered until friday" (a common non-native "by"): after a word of completion in
    // the same clause, "until" marks the deadline.
    private static bool AfterStartOrStop(in RuleContext context, int index) =>
        index > 0 && (context.WordAt(index - 1) is "since" or "from" or "depuis" or "desde" or "seit" or "sinds" or "sejak" or "sedan" or "siden"
            || (context.WordAt(index - 1) is "until" or "till" or "til" && !AfterCompletion(context, index - 1)));

    private static bool AfterCompletion(in RuleContext context, int index)
    {
        for (var i = index - 1; i >= 0 && index - i <= 4 && !context.ClauseBreakBetween(i, index); i--)
        {
            if (context.WordAt(i) is "delivered" or "done" or "ready" or "sent" or "submitted" or "finished" or "completed" or "approved" or "fixed" or "returned" or "paid" or "signed")
            {
                return true;
            }
        }

        return false;
    }

    private static bool AfterPastMarker(in RuleContext context, int index) =>
        index > 0 && context.WordAt(index - 1) is "since" or "from" or "after" or "until" or "till" or "til" or "embargo" or "embargoed";
}
