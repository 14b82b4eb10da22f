using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// What a message does about a live call, read from its shape (docs/rules.md "Decided"): calling
/// someone ("phone me", "buzz you"), a duration on a medium ("20 min on meet?"), naming a meeting
/// rather than proposing one ("today's huddle"), and declining one ("rather not do a call").
/// </summary>
internal static class CallShapes
{
    /// <summary>"phone me", "can I buzz you", "facetime us": a verb of calling and the person called, at the start of a clause or after a modal.</summary>
    public static bool CallsSomeone(in RuleContext context, out string evidence)
    {
        evidence = "";
        for (var i = 0; i + 1 < context.Words.Length; i++)
        {
            var verb = context.WordAt(i);
            if (verb is "call" or "ring" or "phone" or "buzz" or "facetime" or "skype" or "whatsapp" or "zoom" or "video"
                && (context.WordAt(i + 1) is "me" or "you" or "us" or "u" or "ye" or "ya" or "yous" or "meh" || CallsBack(context, i)
                    || (i + 2 < context.Words.Length && context.WordAt(i + 1) is "each" or "one" && context.WordAt(i + 2) is "other" or "another")) // huddle24: "call each other", "call meh"
                && (i == 0 || context.ClauseBreakBetween(i - 1, i) || context.WordAt(i - 1) is "i" or "ill" or "you" or "can" or "could" or "pls" or "please" or "plz" or "kindly"
                    or "just" or "me" or "to" or "will" or "and" or "then" or "or" or "quickly"))
            {
                evidence = string.Concat(verb, " ", context.WordAt(i + 1));
                return true;
            }
        }

        return false;
    }

    // "please call back", "call back when you can" (huddle20c): "back" ends the clause or a time follows it;
    // "call back the supplier" calls someone else.
    private static bool CallsBack(in RuleContext context, int verb) =>
        context.WordAt(verb) is "call" or "ring" or "phone" && context.WordAt(verb + 1) is "back"
        && (verb + 2 == context.Words.Length || context.ClauseBreakBetween(verb + 1, verb + 2)
            || context.WordAt(verb + 2) is "when" or "asap" or "pls" or "please" or "today" or "later" or "soon" or "before" or "after" or "in" or "at" or "urgently" or "now");

    /// <summary>"20 min on meet?", "10 mins on zoom", "5 minutes on a call": a short duration on a live medium.</summary>
    public static bool DurationOnAMedium(in RuleContext context, out string evidence)
    {
        evidence = "";
        for (var i = 1; i + 1 < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "min" or "mins" or "minute" or "minutes" && IsAmount(context.WordAt(i - 1)))
            {
                var next = i + 1;
                if (context.WordAt(next) is "on" or "in" or "over" && next + 1 < context.Words.Length)
                {
                    next++;
                }

                if (next < context.Words.Length && context.WordAt(next) is "a" or "the" && next + 1 < context.Words.Length)
                {
                    next++;
                }

                if (IsMedium(context.WordAt(next)))
                {
                    evidence = string.Concat(context.WordAt(i), " on ", context.WordAt(next));
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the call phrase at word <paramref name="start"/> names a meeting rather than proposing
    /// one: after a determiner, a possessive of time or a rhythm ("the huddle", "today's huddle",
    /// "our weekly huddle", "this morning's call").
    /// </summary>
    public static bool NamesAMeeting(in RuleContext context, int start)
    {
        var named = start > 2 && (IsMedium(context.WordAt(start)) || context.WordAt(start) is "sync" or "meeting") && !context.ClauseBreakBetween(start - 3, start)
            && context.WordAt(start - 3) is "the" or "our" or "their"
            && (IsPlainWord(context.WordAt(start - 2)) || IsClock(context.WordAt(start - 2))) && IsPlainWord(context.WordAt(start - 1))
            && context.WordAt(start - 1) is not ("to" or "on" or "in" or "into" or "onto" or "for" or "over" or "with" or "via" or "by" or "and" or "or");
        while (start > 0 && context.WordAt(start - 1) is "a" or "an" or "quick" or "short")
        {
            start--; // "in a huddle", "our quick call"
        }

        // "the daily 9:15 huddle", "our 3pm call" (huddle24): a clock time between the meeting's name and its determiner or rhythm.
        var timed = start;
        while (timed > 0 && start - timed < 3 && !context.ClauseBreakBetween(timed - 1, start) && (IsClock(context.WordAt(timed - 1)) || IsHour(context.WordAt(timed - 1))
            || context.WordAt(timed - 1) is "am" or "pm"))
        {
            timed--;
        }

        if (timed < start && timed > 0 && NamesOne(context.WordAt(timed - 1)))
        {
            return true;
        }

        return IsBeingOnACall(context, start) || (start > 0 && NamesOne(context.WordAt(start - 1)))
            || (start > 1 && context.WordAt(start - 2) is "the" or "our" or "their" or "todays" or "tomorrows" or "weekly" or "daily" && IsPlainWord(context.WordAt(start - 1)))
            || named; // "the 5pm client huddle", "our monthly vendor call" (huddle20b)
    }

    // "5pm", "10am", "1530": a clock time naming which meeting ("the 5pm client huddle", huddle20b).
    private static bool IsClock(ReadOnlySpan<char> word) =>
        word.Length is >= 3 and <= 6 && char.IsAsciiDigit(word[0]) && (word.EndsWith("am") || word.EndsWith("pm") || !word.ContainsAnyExcept(Digits));

    // "9" of "9:15", "10" of "10 am": an hour alone.
    private static bool IsHour(ReadOnlySpan<char> word) => word.Length is 1 or 2 && !word.ContainsAnyExcept(Digits);

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    // "the tasting huddle", "our design sync": a determiner and one word naming which meeting.
    private static bool NamesOne(ReadOnlySpan<char> word) =>
        word is "the" or "that" or "our" or "your" or "their" or "his" or "her" or "todays" or "yesterdays" or "tomorrows" or "mornings" or "afternoons"
            or "weeks" or "mondays" or "fridays" or "weekly" or "daily" or "last" or "earlier" or "previous" or "same";

    private static bool IsPlainWord(ReadOnlySpan<char> word) => word is not ("quick" or "short" or "brief" or "a" or "an") && !word.ContainsAnyExcept(Letters);

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// "the client wants to set up a call", "source wants to talk on the phone", "parents keep asking
    /// for a phone call": a call someone else wishes for, reported in the same clause before the call
    /// phrase at <paramref name="start"/>, is not the author moving this discussion to a call.
    /// </summary>
    public static bool WantedBySomeoneElse(in RuleContext context, int start)
    {
        for (var i = start - 1; i >= 0 && start - i <= 6 && !context.ClauseBreakBetween(i, start); i--)
        {
            if (context.WordAt(i) is "wants" or "wanted" or "asks" or "asked" or "asking" or "prefers" or "preferred" or "requested" or "requests" or "insists")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"huddle summary", "call notes", "the huddle tool": a call word naming a thing, not a proposal (the word at <paramref name="next"/> is the noun); "a call from the coordinator" is someone else's call.</summary>
    public static bool NamesAThing(in RuleContext context, int next) =>
        next < context.Words.Length && context.WordAt(next) is "from" or "summary" or "notes" or "minutes" or "agenda" or "board" or "recording" or "channel" or "tool"
            or "app" or "rota" or "schedule" or "transcript";

    // "I'm in a huddle till 3", "was on a quick call": where the author is, not a proposal.
    private static bool IsBeingOnACall(in RuleContext context, int start) =>
        start > 1 && context.WordAt(start - 1) is "in" or "on"
        && context.WordAt(start - 2) is "im" or "am" or "was" or "were" or "is" or "are" or "be" or "been" or "still" or "currently" or "busy" or "stuck";

    /// <summary>"skype in 5?", "zoom in 10 min about the draft": a medium and "in" a few minutes.</summary>
    public static bool MediumSoon(in RuleContext context, out string evidence)
    {
        evidence = "";
        for (var i = 0; i + 2 < context.Words.Length; i++)
        {
            if (IsMedium(context.WordAt(i)) && context.WordAt(i + 1) is "in" && IsAmount(context.WordAt(i + 2)) && !NamesAMeeting(context, i))
            {
                evidence = string.Concat(context.WordAt(i), " in ", context.WordAt(i + 2));
                return true;
            }
        }

        // "quick Teams with the customer about the frames?" (huddle20c): a question that opens with a short
        // medium and who or what it is for.
        if ((context.Features & TextFeatures.Question) != 0)
        {
            for (var i = 0; i + 2 < context.Words.Length; i++)
            {
                if ((i == 0 || context.ClauseBreakBetween(i - 1, i)) && context.WordAt(i) is "quick" or "short" or "brief" or "fast" && IsMedium(context.WordAt(i + 1))
                    && context.WordAt(i + 2) is "with" or "about" or "re" or "regarding" or "on" or "for")
                {
                    evidence = context.Text[context.Words[i].Start..(context.Words[i + 2].Start + context.Words[i + 2].Length)].ToString();
                    return true;
                }
            }
        }

        // "discord later about the brackets?", "zoom now re the invoice?": a medium that opens its clause, then when.
        for (var i = 0; i + 1 < context.Words.Length; i++)
        {
            if (IsMedium(context.WordAt(i)) && (i == 0 || context.ClauseBreakBetween(i - 1, i)) && context.WordAt(i + 1) is "later" or "now" or "rn" or "today" or "tonight" or "tomorrow" or "tmrw" or "after")
            {
                evidence = string.Concat(context.WordAt(i), " ", context.WordAt(i + 1));
                return true;
            }
        }

        return false;
    }

    internal static bool IsMedium(ReadOnlySpan<char> word) =>
        word is "meet" or "zoom" or "call" or "huddle" or "teams" or "webex" or "video" or "facetime" or "phone" or "gmeet" or "whereby" or "discord"
            or "hangout" or "skype" or "voice" or "whatsapp";

    /// <summary>"rather not do a call", "let's not jump on a call", "no need to hop on a call", "we don't need a call": a call the author declines.</summary>
    public static bool DeclinesACall(in RuleContext context)
    {
        for (var i = 0; i < context.Words.Length; i++)
        {
            var word = context.WordAt(i);
            var declines = word is "not" or "no" or "never" or "without" or "skip" or "instead"
                || (UrgencyNegation.IsNegativeAuxiliary(word) && (i == 0 || context.WordAt(i - 1) is not "why"));
            if (!declines)
            {
                continue;
            }

            // A call word within five words after it, in the same clause.
            for (var j = i + 1; j < context.Words.Length && j <= i + 5 && !context.ClauseBreakBetween(i, j); j++)
            {
                if (context.WordAt(j) is "call" or "huddle" or "zoom" or "meet" or "meeting" or "video" or "facetime" or "sync" or "bridge" or "teams")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "call me if anything changes with the flight", "ring me in case the truck is late", "if the pressure drops, phone me":
    /// a call offered on a condition of events is no proposal now, as "if needed" is not (huddle21). A condition of the
    /// reader's time proposes still: "call me if you can", "if you're free", "if you have a minute", "if possible".
    /// </summary>
    public static bool OffersOnCondition(in RuleContext context)
    {
        for (var i = 0; i < context.Words.Length; i++)
        {
            if (!IsMedium(context.WordAt(i)) && context.WordAt(i) is not ("ring" or "buzz" or "bell" or "desk" or "office"))
            {
                continue;
            }

            // The condition after the call, in its clause: "call me if …", "ring me in case …".
            for (var j = i + 1; j < context.Words.Length && j - i <= 6 && !context.ClauseBreakBetween(i, j); j++)
            {
                var condition = context.WordAt(j) is "if" ? j + 1 : context.WordAt(j) is "incase" ? j + 1
                    : context.WordAt(j) is "in" && j + 1 < context.Words.Length && context.WordAt(j + 1) is "case" ? j + 2 : -1;
                if (condition > 0)
                {
                    return !OnTheReadersTime(context, condition);
                }
            }

            // The condition opening the call's clause or the clause before it: "if the pressure drops, phone me".
            var clause = ClauseStart(context, i);
            var previous = clause > 0 ? ClauseStart(context, clause - 1) : clause;
            foreach (var start in (ReadOnlySpan<int>)[clause, previous])
            {
                if (start < i && context.WordAt(start) is "if" && start + 1 < context.Words.Length)
                {
                    return !OnTheReadersTime(context, start + 1);
                }
            }

            return false;
        }

        return false;
    }

    private static int ClauseStart(in RuleContext context, int word)
    {
        while (word > 0 && !context.ClauseBreakBetween(word - 1, word))
        {
            word--;
        }

        return word;
    }

    // "if you can", "if you're free", "if you have a minute", "if possible", "if that's ok": the reader's time, not an event.
    private static bool OnTheReadersTime(in RuleContext context, int at)
    {
        var w0 = context.WordAt(at);
        var w1 = at + 1 < context.Words.Length ? context.WordAt(at + 1) : default;
        var w2 = at + 2 < context.Words.Length ? context.WordAt(at + 2) : default;
        if (w0 is "possible" or "poss" or "convenient" or "ok" or "okay" or "free" or "available" or "easier" || (w0 is "thats" or "its" or "that" or "it" && w1 is "ok" or "okay" or "alright" or "possible" or "convenient" or "easier"))
        {
            return true;
        }

        if (w0 is "youre" or "ur" or "your" && w1 is "free" or "around" or "available" or "about" or "up" or "back" or "done" or "finished" or "off" or "there" or "online" or "awake" or "not")
        {
            return true;
        }

        if (w0 is not ("you" or "u" or "ya"))
        {
            return false;
        }

        var time = w2 is "a" or "an" && at + 3 < context.Words.Length ? context.WordAt(at + 3) : w2;
        return w1 is "can" or "could" or "cud" || (w1 is "dont" && w2 is "mind")
            || (w1 is "are" or "re" or "r" && w2 is "free" or "around" or "available" or "about" or "up" or "back" or "done" or "finished" or "off" or "there" or "online" or "awake" or "not")
            || (w1 is "have" or "got" or "get" or "find" or "grab" or "gotta" && time is "minute" or "min" or "mins" or "sec" or "secs" or "second" or "moment" or "mo" or "chance"
                or "few" or "5" or "10" or "15" or "couple" or "time" or "sec" or "spare" or "moment");
    }

    private static bool IsAmount(ReadOnlySpan<char> word) =>
        word is "few" or "couple" or "quick" or "5" or "10" or "15" or "20" or "25" or "30" or "45" or "2" or "3";
}
