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
            if (context.WordAt(i) is "need" or "needs" or "want" or "require" or "you" or "u" or "someone" or "somebody" or "anyone" or "must")
            {
                return false;
            }
        }

        return true;
    }

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

    private static int ClauseStart(in RuleContext context, int at)
    {
        while (at > 0 && !context.ClauseBreakBetween(at - 1, at))
        {
            at--;
        }

        return at;
    }
}
