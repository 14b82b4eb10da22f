namespace AsyncCoach.Core.Rules;

/// <summary>Whether the clause around an urgency word asks something of someone (<see cref="VagueUrgencyRule"/>).</summary>
public sealed partial class VagueUrgencyRule
{
    private static bool IsDemandClause(in RuleContext context, int end, int after)
    {
        // "… right away pls", "… immediately please": a request word closing the clause.
        for (var j = after; j < context.Words.Length && !context.ClauseBreakBetween(after - 1, j); j++)
        {
            if (context.WordAt(j) is "pls" or "please" or "plz")
            {
                return true;
            }
        }

        // "someone pls get the gate fixed, like right now": an afterthought of at most one word before
        // the adverb belongs to the clause before it.
        var clauseStart = end;
        while (clauseStart > 0 && !context.ClauseBreakBetween(clauseStart - 1, clauseStart))
        {
            clauseStart--;
        }

        var afterthought = clauseStart > 0 && end - clauseStart <= 1 && (clauseStart == end || context.WordAt(clauseStart) is "like" or "and" or "so" or "ideally");
        if (afterthought)
        {
            end = clauseStart; // the clause before it ends at word clauseStart - 1
        }

        var i = end - 1;
        for (; i >= 0 && (afterthought ? i == end - 1 || !context.ClauseBreakBetween(i, end - 1) : !context.ClauseBreakBetween(i, end)); i--)
        {
            if (RequestWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(i))
                || (context.WordAt(i) is "to" && i > 0 && context.WordAt(i - 1) is "have" or "has" or "got")
                || IsPassiveDemand(context, i))
            {
                return true; // "need", "please", "can you"; "have to go on right away"; "is needed immediately", "should be dispatched"
            }
        }

        return OpensWithImperative(context, i + 1, end);
    }

    // "the logs are needed immediately by HSE", "the terminals should be dispatched with immediate effect":
    // a need or an obligation in the passive asks as "need" does (eleventh pass).
    private static bool IsPassiveDemand(in RuleContext context, int i) =>
        (context.WordAt(i) is "needed" or "required" && i > 0 && context.WordAt(i - 1) is "is" or "are" or "be" or "its" or "thats" or "urgently")
        || (context.WordAt(i) is "should" && i + 1 < context.Words.Length && context.WordAt(i + 1) is "be");

    // The clause's first word (after "please"/"ok"/"so" and a group addressed): an imperative demands.
    private static bool OpensWithImperative(in RuleContext context, int first, int end)
    {
        while (first < end && (context.WordAt(first) is "ok" or "so" or "and" or "then" or "just" or "pls" or "please" or "abeg" or "kindly"
            or "everyone" or "everybody" or "someone" or "somebody" or "anyone" or "all" or "team" or "guys" or "folks" or "yall"))
        {
            // "all engineers send your reports immediately", "all shift leaders send me the hours right away": a group addressed
            // (its plural noun within three words of "all"), then the imperative (fourteenth pass: a compound noun before the plural).
            first += context.WordAt(first) is "all" ? GroupAddressed(context, first, end) : 1;
        }

        return first < end
            ? Imperatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(first)) || IsImperativeShape(context, first, end) || AsksOfTheReader(context, first, end)
            : end == 0;
    }

    // How many words "all" and the group it addresses take: "all engineers" 2, "all shift leaders" 3, "all night-shift crew leads" 4;
    // 1 when no plural noun comes within three words ("all done", "all is well") or when a verb comes before it.
    private static int GroupAddressed(in RuleContext context, int all, int end)
    {
        for (var k = all + 1; k < end - 1 && k <= all + 3 && !context.ClauseBreakBetween(k - 1, k); k++)
        {
            var word = context.WordAt(k);
            if (word is "is" or "was" or "has" or "does" or "this" or "us" or "its" or "thats" || word.EndsWith("ed") || word.EndsWith("ing"))
            {
                return 1;
            }

            if (word is [_, _, .., 's'] && !word.EndsWith("ss") && !word.EndsWith("us"))
            {
                return k - all + 1;
            }
        }

        return 1;
    }

    // "ship the samples immediately", "leave the building right away": a clause that opens with a bare
    // word followed by its object (a determiner or an object pronoun) is an imperative, whatever the verb.
    private static bool IsImperativeShape(in RuleContext context, int first, int end)
    {
        if (first + 1 >= end || context.WordAt(first) is var verb && (verb.ContainsAnyExcept(Letters) || (verb.EndsWith("s") && !verb.EndsWith("ss") && !verb.EndsWith("us")) || verb.EndsWith("ed") || verb.EndsWith("ing")
            || verb is "i" or "we" or "you" or "u" or "they" or "he" or "she" or "it" or "this" or "that" or "the" or "a" or "an" or "there" or "here"
                or "my" or "our" or "your" or "their" or "his" or "her" or "its" or "all" or "every" or "each" or "some" or "any" or "no" or "if" or "when"
                or "then" or "now" or "will" or "would" or "should" or "might" or "may" or "also" or "only" or "still" or "even"))
        {
            return false;
        }

        // "wow that was quick", "man this is urgent": an interjection before a subject and its verb states (thirteenth pass).
        if (context.WordAt(first + 1) is "that" or "this" or "it" or "these" or "those" or "everything" or "everyone" or "all" && first + 2 < end
            && context.WordAt(first + 2) is "is" or "was" or "are" or "were" or "has" or "had" or "went" or "looks" or "looked" or "seems" or "seemed" or "got"
                or "sounds" or "will" or "would" or "did" or "does")
        {
            return false;
        }

        return context.WordAt(first + 1) is "the" or "a" or "an" or "this" or "that" or "these" or "those" or "it" or "them" or "me" or "us" or "him" or "her"
            or "everything" or "everyone" or "all" or "my" or "our" or "your" or "his" or "their";
    }

    // "send your reports immediately", "update your timesheet right away": a verb whose object is the
    // reader's own, with no subject before it, asks something of the reader.
    private static bool AsksOfTheReader(in RuleContext context, int first, int end)
    {
        for (var v = first; v + 1 < end; v++)
        {
            if (context.WordAt(v + 1) is "your" or "ur" or "yr")
            {
                var verb = context.WordAt(v);
                var subject = v > first ? context.WordAt(v - 1) : default;
                return !verb.ContainsAnyExcept(Letters) && !verb.EndsWith("ed") && !verb.EndsWith("ing") && !IsSubject(subject)
                    && verb is not ("is" or "are" or "was" or "were" or "be" or "been" or "of" or "for" or "to" or "with" or "in" or "on" or "at" or "about"
                        or "from" or "by" or "into" or "and" or "or" or "but" or "than" or "as" or "like" or "do" or "does" or "did" or "has" or "have"
                        or "had" or "will" or "would" or "can" or "could" or "should" or "thank" or "thanks" or "love" or "saw" or "got" or "all" or "that");
            }
        }

        return false;
    }

    private static bool IsSubject(ReadOnlySpan<char> word) => word is "i" or "we" or "they" or "he" or "she" or "you" or "u" or "it" or "who";

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");
}
