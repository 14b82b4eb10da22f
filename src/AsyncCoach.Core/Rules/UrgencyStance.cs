namespace AsyncCoach.Core.Rules;

/// <summary>
/// Whose urgency it is (docs/rules.md "Decided", seventh pass). An urgency word demands only when it
/// asks someone for speed; it does not when the author promises speed ("will do asap", "I'll send it
/// right away"), names a goal ("top priority this split is consistency") or passes on someone else's
/// wish while asking for something else ("the client wants everything urgently, as usual, but can you
/// give them a realistic ETA").
/// </summary>
internal static class UrgencyStance
{
    /// <summary>"will do asap", "ok, I'll get onto it right away", "we can ship it immediately": a promise by the author.</summary>
    public static bool IsPromise(in RuleContext context, int start)
    {
        var first = ClauseStart(context, start);
        while (first < start && context.WordAt(first) is "ok" or "okay" or "sure" or "yes" or "yep" or "yeah" or "noted" or "np" or "kk" or "k"
            or "alright" or "absolutely" or "definitely" or "and" or "so" or "then")
        {
            first++;
        }

        if (first >= start)
        {
            return false;
        }

        var promised = context.WordAt(first) switch
        {
            "ill" or "well" or "doing" => true, // "I'll", "we'll" (apostrophes dropped)
            "will" or "shall" => context.WordAt(first + 1) is not ("you" or "u" or "someone" or "somebody" or "anyone" or "anybody" or "they" or "he" or "she"),
            "i" or "we" => context.WordAt(first + 1) is "will" or "shall" or "can" or "am" or "are",
            "im" or "were" => context.WordAt(first + 1) is "on" or "going" or "gonna",
            "on" => context.WordAt(first + 1) is "it",
            _ => false,
        };

        if (!promised)
        {
            return false;
        }

        // "I'll need it asap", "we can't wait, fix it right away": a need or a second person is a demand again.
        for (var i = first; i < start; i++)
        {
            if (context.WordAt(i) is "need" or "needs" or "want" or "require" or "someone" or "somebody" or "anyone" or "must" || IsReaderAsked(context, i, start))
            {
                return false;
            }
        }

        return true;
    }

    // "I'll need you to …", "we'll wait if you can …": the reader as the one who acts asks again; the reader as
    // the object of the promise ("I'll get back to you asap", "we'll send you the file right away") does not (eleventh pass).
    private static bool IsReaderAsked(in RuleContext context, int i, int start) =>
        context.WordAt(i) is "you" or "u"
        && ((i + 1 < start && context.WordAt(i + 1) is "to" or "can" or "could" or "must" or "should" or "need" or "have" or "will" or "would" or "guys")
            || (i > 0 && context.WordAt(i - 1) is "if" or "can" or "could" or "will" or "would" or "when" or "unless"));

    /// <summary>
    /// "top priority this split is consistency", "our highest priority is safety": a priority as the
    /// subject of "is" names a goal. Not "high priority: …", a label that opens a demand.
    /// </summary>
    public static bool IsNamedGoal(in RuleContext context, PhraseMatch match)
    {
        if (!context.WordAt(match.End - 1).StartsWith("prio"))
        {
            return false;
        }

        for (var i = ClauseStart(context, match.Start); i < match.Start; i++)
        {
            if (context.WordAt(i) is not ("our" or "my" or "the" or "their" or "your" or "his" or "her" or "first" or "one" or "a" or "number" or "1" or "main" or "only"))
            {
                return false;
            }
        }

        if (UrgencyMention.FollowedByColon(context, match.End - 1))
        {
            return false;
        }

        for (var i = match.End; i < context.Words.Length && i <= match.End + 4 && !context.ClauseBreakBetween(i - 1, i); i++)
        {
            if (context.WordAt(i) is "is" or "are" or "was" or "remains" or "stays")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "the client wants everything urgently, as usual, but can you give them a realistic ETA": a third
    /// party's wish told as a habit ("as usual", "as always") or set against the author's own ask
    /// ("…, but can you …"). A wish passed on plainly ("the buyer wants the invoice immediately") demands.
    /// </summary>
    public static bool IsWishAtADistance(in RuleContext context, int start)
    {
        var clause = ClauseStart(context, start);
        var wish = -1;
        for (var i = clause + 1; i < start; i++)
        {
            // "the client is pushing for everything asap as usual": pressing for it is wishing it (tenth pass).
            if (context.WordAt(i) is "wants" or "wanted" or "expects" or "expected" or "demands" or "demanded" or "insists" or "pushing" or "pushes"
                or "pushed" or "asking" or "asks" or "chasing" or "expecting" or "demanding" or "wanting")
            {
                wish = i;
            }
        }

        if (wish < 0)
        {
            return false;
        }

        for (var i = start + 1; i < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "usual" or "always" && context.WordAt(i - 1) is "as" or "like")
            {
                return true;
            }

            if (context.WordAt(i) is "but" && context.ClauseBreakBetween(i - 1, i))
            {
                for (var j = i + 1; j < context.Words.Length && j <= i + 3; j++)
                {
                    if (context.WordAt(j) is "you" or "u")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "how urgent is this?", "is it high priority or can it wait?", "do you need it asap?", "let me know if
    /// it's urgent": asking whether something is urgent, or supposing it, demands nothing (eleventh pass).
    /// A question that asks someone to act ("can you send it asap?", "is anyone able to look asap?") still demands.
    /// </summary>
    public static bool IsAskedAbout(in RuleContext context, PhraseMatch match)
    {
        var first = ClauseStart(context, match.Start);
        for (var i = Math.Max(first, match.Start - 4); i < match.Start; i++)
        {
            // "if it's urgent", "whether this is really high priority": the urgency supposed, not claimed.
            if (context.WordAt(i) is "if" or "whether" or "unless" && OnlySupposition(context, i + 1, match.Start))
            {
                return true;
            }
        }

        var opener = context.WordAt(first);
        var asks = opener is "how" or "is" or "are" or "isnt" or "arent" or "what" or "whats"
            || (opener is "do" or "does" or "did" && first + 2 < context.Words.Length && context.WordAt(first + 1) is "you" or "u" or "they" or "we" or "he" or "she"
                && context.WordAt(first + 2) is "need" or "want" or "require" or "think" or "reckon");
        if (!asks || !EndsWithQuestionMark(context, first)
            || (opener is "is" or "are" or "isnt" or "arent" && first + 1 < context.Words.Length && context.WordAt(first + 1) is "you" or "u" or "ya" or "yall"))
        {
            return false; // "are you free to look at this asap?" asks the reader to act
        }

        for (var i = first; i < context.Words.Length && (i == first || !context.ClauseBreakBetween(i - 1, i)); i++)
        {
            if (context.WordAt(i) is "able" or "possible" or "chance" or "anyone" or "someone" or "somebody" or "anybody" or "please" or "pls" or "plz")
            {
                return false; // "is anyone able to look at this asap?", "is it possible to get it asap?": a request
            }
        }

        return true;
    }

    private static bool OnlySupposition(in RuleContext context, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (context.WordAt(i) is not ("it" or "its" or "this" or "that" or "thats" or "anything" or "something" or "is" or "was" or "gets" or "becomes"
                or "really" or "very" or "super" or "truly" or "genuinely" or "actually" or "still" or "that" or "at" or "all"))
            {
                return false;
            }
        }

        return true;
    }

    // Whether the clause opening at word first ends with a question mark in the text as written.
    private static bool EndsWithQuestionMark(in RuleContext context, int first)
    {
        var last = first;
        while (last + 1 < context.Words.Length && !context.ClauseBreakBetween(last, last + 1))
        {
            last++;
        }

        var raw = context.Message.Text.AsSpan();
        var at = UrgencyMention.RawOffset(context, last);
        if (at < 0)
        {
            return false;
        }

        for (var k = at + context.WordAt(last).Length; k < raw.Length && !char.IsLetterOrDigit(raw[k]); k++)
        {
            if (raw[k] == '?')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "I replied asap", "we fixed it right away", "this only became urgent because …": the author or a thing
    /// as the subject of a past verb reports what happened; it asks for nothing (eleventh pass).
    /// </summary>
    public static bool IsPastReport(in RuleContext context, int start)
    {
        var first = ClauseStart(context, start);
        while (first < start && context.WordAt(first) is "ok" or "so" or "and" or "then" or "yes" or "yeah" or "well" or "anyway")
        {
            first++;
        }

        if (first + 1 > start || context.WordAt(first) is not ("i" or "we" or "he" or "she" or "they" or "it" or "this" or "that"))
        {
            return false;
        }

        if (first + 1 == start)
        {
            // The urgency word between the subject and its past verb: "she urgently needed a lift and Tom drove her", "we
            // immediately stopped the line", "they right away called the vet" (twelfth pass).
            var after = start + (context.WordAt(start) is "right" or "straight" or "at" ? 2 : 1);
            return after < context.Words.Length && !context.ClauseBreakBetween(start, after) && context.WordAt(after) is var past
                && ((past.EndsWith("ed") && past.Length > 4 && past is not ("need" or "feed" or "speed" or "proceed" or "succeed" or "exceed"))
                    || past is "sent" or "did" or "got" or "went" or "came" or "made" or "took" or "gave" or "rang" or "wrote" or "put" or "left" or "paid"
                        or "brought" or "bought" or "heard" or "spoke" or "saw" or "knew" or "ran" or "became" or "dealt" or "told" or "drove" or "flew");
        }

        var verb = first + 1;
        if (context.WordAt(verb) is "only" or "just" or "suddenly" or "also" or "then" or "already" or "actually" && verb + 1 < start)
        {
            verb++;
        }

        var word = context.WordAt(verb);
        return (word.EndsWith("ed") && word.Length > 4 && word is not ("need" or "feed" or "speed" or "proceed" or "succeed" or "exceed" or "needed" or "wanted" or "hoped" or "wondered" or "asked"
            or "requested" or "expected"))
            || word is "sent" or "did" or "got" or "went" or "came" or "made" or "took" or "gave" or "rang" or "wrote" or "put" or "left" or "paid" or "brought"
                or "bought" or "heard" or "spoke" or "saw" or "knew" or "ran" or "became" or "sorted" or "dealt" or "told";
    }

    private static int ClauseStart(in RuleContext context, int at)
    {
        while (at > 0 && !context.ClauseBreakBetween(at - 1, at))
        {
            at--;
        }

        return at;
    }
}
