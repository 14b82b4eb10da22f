namespace AsyncCoach.Core.Rules;

/// <summary>
/// Whether an urgency word is negated (docs/rules.md "Decided": negation has a scope). A negator (the
/// list, or any negative auxiliary: "wouldnt", "cant", "didnt"…) up to five words before the urgency
/// word, in the same clause ("not a blocker, but I need it asap" is urgent: the comma and "but" end
/// the negation's scope). A negated opinion ("I don't think this one is really that urgent") and a
/// negated subject ("no one needs the new sensor asap") scope over their whole clause; a negation
/// reaches over an aside set off by commas ("the fix is not, as far as I can tell, urgent"). A negated
/// verb of delay ("don't forget to send it asap", "don't wait, fix it right away") is a double
/// negative: it demands.
/// </summary>
internal static class UrgencyNegation
{
    public static bool IsNegated(in RuleContext context, int start)
    {
        for (var end = start; end > 0 && start - end < 12; end--)
        {
            if (context.ClauseBreakBetween(end - 1, start) || context.WordAt(end - 1) is "but" or "though" or "however" or "although" or "yet")
            {
                return end == start && AcrossAside(context, start);
            }

            if (!IsNegator(context, end))
            {
                continue;
            }

            if (end < context.Words.Length && context.WordAt(end) is "forget" or "hesitate" or "wait" or "delay" or "let" or "hold")
            {
                continue; // "don't forget …": a demand
            }

            if (start - end < 5 || NegatesAnOpinion(context, end) || IsNegatedSubject(context, end - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "the roof is top priority for the landlord, but nothing to do yet", "urgent for the client, no action needed from
    /// us": a later clause that stands the demand down says nothing is asked (twelfth pass). Such a clause opens with
    /// "nothing" or "no action" and says there is nothing to do, needed or required; "nothing to do with me" is another
    /// thing, and a request after it ("…, nothing to do yet, but please send the plan asap") asks again.
    /// </summary>
    public static bool IsStoodDown(in RuleContext context, int after)
    {
        for (var i = after + 1; i + 1 < context.Words.Length; i++)
        {
            if (!context.ClauseBreakBetween(i - 1, i) && context.WordAt(i - 1) is not ("but" or "so" or "and"))
            {
                continue;
            }

            var k = i;
            if (context.WordAt(k) is "nothing" && k + 1 < context.Words.Length
                && (context.WordAt(k + 1) is "needed" or "required" or "necessary"
                    || (context.WordAt(k + 1) is "to" && k + 2 < context.Words.Length && context.WordAt(k + 2) is "do" && (k + 3 >= context.Words.Length || context.WordAt(k + 3) is not "with"))
                    || (context.WordAt(k + 1) is "for" && k + 3 < context.Words.Length && context.WordAt(k + 3) is "to")))
            {
                return !AsksAfter(context, k);
            }

            if (context.WordAt(k) is "no" && context.WordAt(k + 1) is "action" or "actions")
            {
                return !AsksAfter(context, k);
            }
        }

        return false;
    }

    private static bool AsksAfter(in RuleContext context, int from)
    {
        for (var i = from; i < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "please" or "pls" or "plz" or "asap" or "urgent" or "urgently" or "immediately" or "need" or "can" or "could")
            {
                return true;
            }
        }

        return false;
    }

    // "nobody needs it asap", "no one here needs the new X-ray sensor asap", "none of this is urgent":
    // a negator that is the clause's subject denies the whole clause.
    private static bool IsNegatedSubject(in RuleContext context, int at)
    {
        var word = context.WordAt(at);
        if (!(word is "nobody" or "noone" or "none" or "nothing" or "neither" || (word is "no" && at + 1 < context.Words.Length && context.WordAt(at + 1) is "one")))
        {
            return false;
        }

        return at == 0 || context.ClauseBreakBetween(at - 1, at) || context.WordAt(at - 1) is "and" or "so" or "but" or "honestly" or "really";
    }

    // "the fix is not, as far as I can tell, urgent": the urgency word opens its clause, the clause
    // before it is a short aside, and the clause before that ends on a negator waiting for its word.
    private static bool AcrossAside(in RuleContext context, int start)
    {
        if (start == 0 || !context.ClauseBreakBetween(start - 1, start))
        {
            return false;
        }

        var aside = start - 1;
        while (aside > 0 && !context.ClauseBreakBetween(aside - 1, aside))
        {
            aside--;
        }

        return aside > 0 && start - aside <= 7 && context.WordAt(aside) is not ("but" or "and" or "so")
            && (context.WordAt(aside - 1) is "not" or "never" || IsNegativeAuxiliary(context.WordAt(aside - 1)));
    }

    // "don't think", "wouldn't say", "not sure", "never considered": an opinion or a label denied.
    private static bool NegatesAnOpinion(in RuleContext context, int after)
    {
        for (var i = after; i < context.Words.Length && i <= after + 1; i++)
        {
            if (context.WordAt(i) is "think" or "say" or "believe" or "feel" or "consider" or "reckon" or "expect" or "sure" or "call" or "see" or "count"
                or "treat" or "seem" or "seems" or "look" or "looks" or "sound" or "sounds" or "mean" or "meant" or "classify" or "mark" or "flag")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegator(in RuleContext context, int end) =>
        EndsAt(context, PhraseLists.UrgencyNegatorsIndex, end) || IsNegativeAuxiliary(context.WordAt(end - 1))
        || context.WordAt(end - 1) is "nobody" or "noone";

    // "wouldnt", "cant", "didnt", "shouldnt", "havent", "aint": an auxiliary with "n't", apostrophe dropped.
    internal static bool IsNegativeAuxiliary(ReadOnlySpan<char> word) =>
        word is "cant" or "cannot" or "wont" or "aint" || (word.EndsWith("nt") && word[..^2] is "is" or "are" or "was" or "were" or "do" or "does" or "did"
            or "would" or "could" or "should" or "have" or "has" or "had" or "must" or "need" or "might");

    private static bool EndsAt(in RuleContext context, int list, int end)
    {
        foreach (var m in context.Matches)
        {
            if (m.List == list && m.End == end)
            {
                return true;
            }
        }

        return false;
    }
}
