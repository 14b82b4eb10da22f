namespace AsyncCoach.Core.Rules;

/// <summary>
/// What a question does, read from its shape rather than a list of wordings (docs/rules.md
/// "Decided"): a check-in on the person ("alright?", "you alright?") or on where they are
/// ("are you in the lab today?", "u on shift?", "will you be at the site tomorrow?"). Called only
/// for a message with a question mark.
/// </summary>
internal static class MessageShapes
{
    /// <summary>The word after a check-in that starts at word <paramref name="start"/>, or 0 if none starts there.</summary>
    public static int CheckIn(in RuleContext context, int start)
    {
        var words = context.Words;
        var greeting = Greeting(context, start);
        if (greeting > 0)
        {
            return greeting;
        }

        var time = AsksForTime(context, start);
        if (time > 0)
        {
            return time;
        }

        // Subject: "are you", "r u", "you", "u", "will you be", "are ya".
        var i = start;
        if (i < words.Length && context.WordAt(i) is "are" or "r" or "will")
        {
            i++;
        }

        if (i >= words.Length || context.WordAt(i) is not ("you" or "u" or "ya" or "yu"))
        {
            return 0;
        }

        i++;
        if (i < words.Length && context.WordAt(start) is "will" && context.WordAt(i) is "be")
        {
            i++;
        }

        while (i < words.Length && context.WordAt(i) is "still" or "already" or "back" or "coming" or "going" or "heading" or "working" or "here")
        {
            i++;
        }

        // Where: "in the lab", "at the site", "on shift", "in office", or no place at all ("are you in today?").
        if (i >= words.Length || context.WordAt(i) is not ("in" or "at" or "on" or "into" or "near" or "around" or "onsite" or "offsite" or "remote" or "wfh"))
        {
            return 0;
        }

        var preposition = context.WordAt(i);
        i++;
        if (preposition is not ("onsite" or "offsite" or "remote" or "wfh"))
        {
            if (i < words.Length && context.WordAt(i) is "the" or "your" or "ur" or "our" or "a")
            {
                i++;
            }

            // At most two words of place ("the lab", "the main office"), none a question word or a number.
            var place = 0;
            while (place < 2 && i < words.Length && !IsTime(context.WordAt(i)) && IsPlaceWord(context.WordAt(i)))
            {
                i++;
                place++;
            }
        }

        while (i < words.Length && IsTime(context.WordAt(i)))
        {
            i++;
        }

        return SkipTrailing(context, i);
    }

    // "alright?", "you alright?", "all right mate?": the British greeting, only as a question (a bare
    // "alright" answers something).
    private static int Greeting(in RuleContext context, int start)
    {
        var words = context.Words;
        var i = start;
        if (i < words.Length && context.WordAt(i) is "you" or "u" or "ya" or "yer")
        {
            i++;
        }

        if (i < words.Length && context.WordAt(i) is "alright" or "allright" or "aight" or "awright")
        {
            return i + 1;
        }

        return i + 1 < words.Length && context.WordAt(i) is "all" && context.WordAt(i + 1) is "right" ? i + 2 : 0;
    }

    // A request for someone's time with no topic: "(any chance) (do) you have 5 min?", "u got a sec?",
    // "could you spare a few minutes?", "is now ok?", "now a good time?".
    private static int AsksForTime(in RuleContext context, int start)
    {
        var words = context.Words;
        var i = start;
        if (i + 1 < words.Length && context.WordAt(i) is "is" && context.WordAt(i + 1) is "now" or "this" or "it")
        {
            i++;
        }

        if (i < words.Length && context.WordAt(i) is "now")
        {
            i++;
            while (i < words.Length && context.WordAt(i) is "ok" or "okay" or "good" or "fine" or "a" or "bad" or "time" or "convenient" or "alright")
            {
                i++;
            }

            return i > start + 1 && context.WordAt(i - 1) is not "a" ? SkipTrailing(context, i) : 0;
        }

        i = start;
        if (i + 1 < words.Length && context.WordAt(i) is "any" && context.WordAt(i + 1) is "chance")
        {
            i += 2;
        }

        if (i < words.Length && context.WordAt(i) is "do" or "would" or "could" or "will" or "can" or "did")
        {
            i++;
        }

        if (i >= words.Length || context.WordAt(i) is not ("you" or "u" or "ya"))
        {
            return 0;
        }

        i++;
        if (i >= words.Length || context.WordAt(i) is not ("have" or "got" or "spare" or "get" or "find"))
        {
            return 0;
        }

        i++;
        while (i < words.Length && (context.WordAt(i) is "a" or "an" or "few" or "couple" or "of" or "some" or "the" or "quick" or "spare" || IsSmallNumber(context.WordAt(i))))
        {
            i++;
        }

        if (i >= words.Length || context.WordAt(i) is not ("min" or "mins" or "minute" or "minutes" or "sec" or "secs" or "second" or "seconds" or "moment" or "mo" or "tick" or "time" or "bit"))
        {
            return 0;
        }

        i++;
        while (i < words.Length && IsTime(context.WordAt(i)))
        {
            i++;
        }

        return SkipTrailing(context, i);
    }

    private static bool IsSmallNumber(ReadOnlySpan<char> word) => word.Length is 1 or 2 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1]);

    private static bool IsTime(ReadOnlySpan<char> word) =>
        word is "today" or "tonight" or "tomorrow" or "now" or "rn" or "atm" or "later" or "this" or "morning" or "afternoon" or "evening" or "week"
            or "at" or "all" or "day" or "yet";

    private static bool IsPlaceWord(ReadOnlySpan<char> word)
    {
        if (word is "what" or "which" or "who" or "why" or "how" or "where" or "when" or "and" or "or" or "to" or "for" or "with" or "about")
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // Words that may close a check-in without adding a topic: "…today pls?", "…ji?".
    private static bool IsTrailing(ReadOnlySpan<char> word) => word is "pls" or "please" or "plz" or "mate" or "ji" or "na" or "sir" or "maam" or "boss";

    private static int SkipTrailing(in RuleContext context, int i)
    {
        while (i < context.Words.Length && IsTrailing(context.WordAt(i)))
        {
            i++;
        }

        return i;
    }
}
