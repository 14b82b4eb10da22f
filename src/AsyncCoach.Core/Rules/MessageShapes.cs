namespace AsyncCoach.Core.Rules;

/// <summary>
/// What a question does, read from its shape rather than a list of wordings (docs/rules.md
/// "Decided"): a check-in on the person ("alright?", "you alright?") or on where they are
/// ("are you in the lab today?", "u on shift?", "will you be at the site tomorrow?"). Called only
/// for a message with a question mark.
/// </summary>
internal static class MessageShapes
{
    /// <summary>
    /// The word after a check-in that starts at word <paramref name="start"/>, or 0 if none starts there.
    /// Without a question mark only a request for time counts ("u got a min", "do you have some time
    /// today"): informal writers drop the mark, and the shape is specific enough without it.
    /// </summary>
    public static int CheckIn(in RuleContext context, int start, bool question)
    {
        if (!question)
        {
            return AsksForTime(context, start);
        }

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

        var state = AsksState(context, start);
        if (state > 0)
        {
            return state;
        }

        // Subject: "are you", "r u", "you", "u", "will you be", "are ya".
        // Or a group: "is anyone at the depot right now?", "anyone on T07 this afternoon?" (ninth pass).
        var i = start;
        if (i < words.Length && context.WordAt(i) is "are" or "r" or "will" or "is")
        {
            i++;
        }

        if (i >= words.Length || context.WordAt(i) is not ("you" or "u" or "ya" or "yu" or "ye" or "anyone" or "anybody" or "someone" or "somebody" or "any1")
            || (context.WordAt(start) is "is" && context.WordAt(i) is "you" or "u" or "ya" or "yu" or "ye"))
        {
            return 0;
        }

        i++;
        if (i < words.Length && context.WordAt(start) is "will" && context.WordAt(i) is "be")
        {
            i++;
        }

        while (i < words.Length && context.WordAt(i) is "still" or "already" or "back" or "coming" or "going" or "heading" or "working" or "here" or "out")
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
            while (place < 3 && i < words.Length && !IsTime(context.WordAt(i)) && IsPlaceWord(context.WordAt(i)))
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

    /// <summary>
    /// "hope the weekend was restful", "hope you're all well", "hope ur having a good week": a wish
    /// made only of pleasantry words, to the end of its clause; the word after it, or 0.
    /// </summary>
    public static int Pleasantry(in RuleContext context, int start)
    {
        var words = context.Words;
        if (start >= words.Length || context.WordAt(start) is not ("hope" or "hoping" or "trust"))
        {
            return 0;
        }

        // "hope the layover in Dakar was restful", "hope the conference went well": something of
        // theirs, however named, and a good wish about it, to the end of the clause.
        if (WishAboutSomething.Match(context, start) is var wish and > 0)
        {
            // "… went well and you're resting up": a second wish joined by "and" (ninth pass).
            var end = wish;
            if (end < words.Length && !context.ClauseBreakBetween(end - 1, end) && context.WordAt(end) is "and")
            {
                end++;
                while (end < words.Length && !context.ClauseBreakBetween(end - 1, end) && IsPleasantryWord(context.WordAt(end)))
                {
                    end++;
                }
            }

            end = SkipTrailing(context, end);
            if (end == words.Length || context.ClauseBreakBetween(end - 1, end))
            {
                return end;
            }
        }

        var i = start + 1;
        while (i < words.Length && !context.ClauseBreakBetween(i - 1, i) && IsPleasantryWord(context.WordAt(i)))
        {
            i++;
        }

        var before = i;
        i = SkipTrailing(context, i); // "hope you are fine sir": a vocative closes the wish
        return i - start >= 3 && (i == words.Length || i > before || context.ClauseBreakBetween(i - 1, i)) ? i : 0;
    }

    private static readonly WordGrammar WishAboutSomething = new(
        "hope|hoping|trust the|your|ur|yr|you|ya #word #word? #word? #word? was|went|were|is|are|has|have|had|going|goes been|going|gone? so|really|very|super|all? well|good|great|fine|ok|okay|restful|relaxing|smooth|smoothly|fun|nice|lovely|productive|successful|amazing|awesome|alright|enjoyable|safe|brilliant|better|fab|fantastic|quiet|calm|uneventful|restorative");

    private static bool IsPleasantryWord(ReadOnlySpan<char> word) =>
        word is "you" or "u" or "your" or "ur" or "youre" or "the" or "all" or "everyone" or "everybody" or "yall" or "guys" or "everything" or "weekend"
            or "week" or "day" or "morning" or "holiday" or "holidays" or "trip" or "break" or "vacation" or "was" or "were" or "is" or "are" or "had" or "have"
            or "having" or "a" or "an" or "good" or "great" or "nice" or "lovely" or "restful" or "relaxing" or "fine" or "well" or "ok" or "doing"
            or "going" or "went" or "family" or "safe" or "and" or "too" or "this" or "finds" or "message" or "email" or "it" or "weather"
            or "keeping" or "staying" or "resting" or "recovering" or "feeling" or "up" or "better" or "weeks" or "days" or "off" or "to" or "start" or "quiet"
            or "rested" or "refreshed" or "relaxed" or "settled" or "settling";

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

        // "you ok?", "are u okay?", "you good?": the same check-in, only with a "you" (a bare "ok?" agrees).
        if (i > start && i < words.Length && context.WordAt(i) is "ok" or "okay" or "good" or "well" or "fine")
        {
            return SkipTrailing(context, i + 1);
        }

        if (i == start && i + 2 < words.Length && context.WordAt(i) is "are" or "r" && context.WordAt(i + 1) is "you" or "u"
            && context.WordAt(i + 2) is "ok" or "okay" or "good" or "well" or "fine" or "alright")
        {
            return SkipTrailing(context, i + 3);
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
        if (i + 1 < words.Length && context.WordAt(i) is "for" && context.WordAt(i + 1) is "me" or "us")
        {
            i += 2; // "do you have a few minutes for me?"
        }

        while (i < words.Length && IsTime(context.WordAt(i)))
        {
            i++;
        }

        return SkipTrailing(context, i);
    }

    // Whether someone is free, or may be interrupted: "u busy?", "you are free now?", "r u still
    // around?", "may I disturb you?", "could I borrow you for 2 mins?", "free for 2 mins?".
    private static int AsksState(in RuleContext context, int start)
    {
        var words = context.Words;
        var i = start;
        if (i + 2 < words.Length && context.WordAt(i) is "can" or "may" or "could" or "might" && context.WordAt(i + 1) is "i"
            && context.WordAt(i + 2) is "disturb" or "bother" or "bug" or "interrupt" or "trouble" or "borrow" or "steal" or "grab" or "ping" or "call" or "ask")
        {
            var asks = context.WordAt(i + 2) is "ask";
            i += 3;
            if (i < words.Length && context.WordAt(i) is "you" or "u")
            {
                i++;
            }

            return Duration(context, asks ? SkipVagueObject(context, i) : i);
        }

        // "when are you free?", "when r u back?": asking when, still only about the person.
        var when = i + 1 < words.Length && context.WordAt(i) is "when" && context.WordAt(i + 1) is "are" or "r" or "will";
        if (when)
        {
            i++;
        }

        if (i < words.Length && context.WordAt(i) is "are" or "r" or "will")
        {
            i++;
        }

        var subject = i < words.Length && context.WordAt(i) is "you" or "u" or "ya";
        if (subject)
        {
            i++;
            if (i < words.Length && context.WordAt(i) is "are" or "r")
            {
                i++;
            }
        }

        if (when && !subject)
        {
            return 0; // "when are the results due?" asks about a thing
        }

        if (subject && i < words.Length && context.WordAt(i) is "be")
        {
            i++; // "will you be around?"
        }

        while (i < words.Length && context.WordAt(i) is "still" or "already")
        {
            i++;
        }

        if (i >= words.Length
            || context.WordAt(i) is not ("free" or "busy" or "available" or "around" or "there" or "online" or "back" or "awake" or "up" or "about" or "reachable")
            || (!subject && context.WordAt(i) is not ("free" or "busy" or "available" or "around" or "online" or "reachable")))
        {
            return 0; // "there?", "up?" need a "you": alone they are not about the person
        }

        i++;
        while (i < words.Length && IsTime(context.WordAt(i)))
        {
            i++;
        }

        return Duration(context, i);
    }

    // "… for 2 mins", "… for a sec", "… for a bit": how long, not what about.
    internal static int Duration(in RuleContext context, int i)
    {
        var words = context.Words;
        if (i < words.Length && context.WordAt(i) is "for")
        {
            var j = i + 1;
            while (j < words.Length && (context.WordAt(j) is "a" or "an" or "few" or "couple" or "of" or "quick" || IsSmallNumber(context.WordAt(j))))
            {
                j++;
            }

            if (j > i + 1 && j < words.Length && context.WordAt(j) is "min" or "mins" or "minute" or "minutes" or "sec" or "secs" or "second" or "seconds" or "moment" or "mo" or "bit" or "tick")
            {
                i = j + 1;
            }
        }

        return SkipTrailing(context, i);
    }

    // "can I ask (you) something quickly?": what is asked is not said, so it is no topic.
    private static int SkipVagueObject(in RuleContext context, int i)
    {
        var words = context.Words;
        if (i < words.Length && context.WordAt(i) is "something" or "smth" or "sth" or "smthg" or "anything" or "sthg")
        {
            i++;
        }
        else
        {
            var j = i;
            while (j < words.Length && context.WordAt(j) is "a" or "one" or "quick" or "small" or "little" or "short" or "tiny")
            {
                j++;
            }

            if (j < words.Length && context.WordAt(j) is "question" or "thing" or "q")
            {
                i = j + 1;
            }
        }

        while (i < words.Length && context.WordAt(i) is "quickly" or "quick" or "real" or "pls" or "please")
        {
            i++;
        }

        return i;
    }

    private static bool IsSmallNumber(ReadOnlySpan<char> word) => word.Length is 1 or 2 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1]);

    internal static bool IsTime(ReadOnlySpan<char> word) =>
        word is "today" or "tonight" or "tomorrow" or "now" or "rn" or "atm" or "later" or "this" or "morning" or "afternoon" or "evening" or "week"
            or "at" or "all" or "day" or "yet" or "tmrw" or "tmr" or "tmw" or "tomo" or "2moro" or "2morrow" or "tonite" or "2day" or "arvo";

    private static bool IsPlaceWord(ReadOnlySpan<char> word)
    {
        if (word is "what" or "which" or "who" or "why" or "how" or "where" or "when" or "and" or "or" or "to" or "for" or "with" or "about")
        {
            return false;
        }

        // Letters, or a short code with a letter in it ("T07", "B2"): a bay or a room, not a number (ninth pass).
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return letters == word.Length || (letters > 0 && word.Length <= 4);
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
