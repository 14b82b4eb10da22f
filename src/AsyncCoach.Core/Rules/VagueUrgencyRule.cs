namespace AsyncCoach.Core.Rules;

/// <summary>vague-urgency: signals urgency ("asap", "urgent"…) without a concrete deadline.</summary>
public sealed class VagueUrgencyRule : IRule
{
    public const string Suggestion =
        "Saying by when and why helps people plan around it, for example \"by Thu 15:00 CET, because the release freezes\".";

    public string Id => RuleIds.VagueUrgency;

    public Finding? Evaluate(in RuleContext context)
    {
        var needNow = context.Has(PhraseLists.UrgencyIndex) ? null : NeedNow(context) ?? SpeedDemand(context);
        if ((!context.Has(PhraseLists.UrgencyIndex) && needNow is null) || Deadlines.HasDeadline(context))
        {
            return null;
        }

        List<string>? evidence = needNow is null ? null : [needNow];
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.UrgencyIndex && !IsDescriptive(context, match) && !IsNegated(context, match.Start)
                && !UrgencyGrammar.IsQuoted(context, match.Start, match.End))
            {
                var phrase = context.Phrases.PhraseText(match.PhraseId);
                evidence ??= [];
                if (!evidence.Contains(phrase) && !evidence.Exists(e => e.Contains(phrase, StringComparison.Ordinal)))
                {
                    evidence.Add(phrase);
                }
            }
        }

        return evidence is null ? null : context.CreateFinding(Id, evidence, Suggestion);
    }

    // Words that make a clause a request, and verbs that start an imperative one: what a demand does.
    private static readonly HashSet<string> RequestWords = new(
        ["need", "needs", "please", "pls", "plz", "can", "could", "would", "must", "asap", "urgent", "urgently", "want", "require", "requires", "kindly"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Imperatives = new(
        ["fix", "send", "call", "reply", "respond", "check", "look", "come", "stop", "update", "restart", "revert", "roll", "escalate", "do", "get",
         "make", "review", "approve", "ping", "share", "remove", "delete", "add", "help", "merge", "deploy", "push", "sign", "action", "answer",
         "go", "start", "run", "book", "order", "tell", "email", "print", "reset", "move", "switch", "turn", "open", "close", "cancel", "pull",
         "page", "text", "ring", "contact", "inform", "notify", "submit", "upload", "forward", "confirm", "finish", "complete", "prepare"],
        StringComparer.Ordinal);

    // "crashes immediately", "the urgent tickets": urgency words that describe, not demand. Listed
    // phrases first; then a manner adverb ("immediately", "right away", "right now", "at once") in a
    // clause that neither asks ("need", "please", "can you") nor starts with an imperative: "the
    // policy applies immediately", "monitors now reconnect right away", "I replied right away".
    private static bool IsDescriptive(in RuleContext context, PhraseMatch match)
    {
        foreach (var other in context.Matches)
        {
            if (other.List == PhraseLists.UrgencyDescriptiveIndex && other.Start <= match.Start && other.End >= match.End)
            {
                return true;
            }
        }

        if (IsReported(context, match.Start) || UrgencyGrammar.IsConditionalProcedure(context, match.Start))
        {
            return true; // "the customer labelled it as urgent", "carrier says it's high priority", "if the alarm goes off, call the vet immediately"
        }

        return IsMannerAdverb(context.WordAt(match.Start)) && (IsTriggered(context, match.End) || !IsDemandClause(context, match.Start, match.End));
    }

    // A label or someone else's words, up to five words before, in the same clause: "QA labelled 14
    // bugs urgent", "marked the ticket as high priority", "the carrier says it's high priority".
    private static bool IsReported(in RuleContext context, int start)
    {
        for (var i = start - 1; i >= 0 && start - i <= 5 && !context.ClauseBreakBetween(i, start); i--)
        {
            if (context.WordAt(i) is "labelled" or "labeled" or "marked" or "flagged" or "tagged" or "classed" or "classified" or "rated" or "says"
                or "said" or "claims" or "claimed" or "thinks" or "considers" or "considered" or "deemed" or "called")
            {
                return true;
            }

            // "mark it as urgent in Jira", "flag this high priority": asking for a label, not for speed.
            if (context.WordAt(i) is "mark" or "label" or "flag" or "tag" or "classify" or "categorise" or "categorize"
                && (context.WordAt(start - 1) is "as" || start - i <= 2))
            {
                return true;
            }
        }

        return false;
    }

    // "escalate immediately upon a match", "alert right away if it fails": a manner adverb tied to a
    // trigger describes a procedure, not a demand on the reader.
    private static bool IsTriggered(in RuleContext context, int end) =>
        end < context.Words.Length && !context.ClauseBreakBetween(end - 1, end)
        && context.WordAt(end) is "upon" or "after" or "when" or "whenever" or "once" or "if" or "following";

    private static bool IsMannerAdverb(ReadOnlySpan<char> word) => word is "immediately" or "right" or "straight" or "instantly" or "at";

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
                || (context.WordAt(i) is "to" && i > 0 && context.WordAt(i - 1) is "have" or "has" or "got"))
            {
                return true; // "need", "please", "can you"; "have to go on right away"
            }
        }

        // The clause's first word (after "please"/"ok"/"so"): an imperative demands.
        var first = i + 1;
        while (first < end && context.WordAt(first) is "ok" or "so" or "and" or "then" or "just" or "pls" or "please")
        {
            first++;
        }

        return first < end ? Imperatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(first)) || IsImperativeShape(context, first, end) : end == 0;
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

        return context.WordAt(first + 1) is "the" or "a" or "an" or "this" or "that" or "these" or "those" or "it" or "them" or "me" or "us" or "him" or "her"
            or "everything" or "everyone" or "all" or "my" or "our" or "your" or "his" or "their";
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    // "hurry pls", "the sooner the better", "get the order expedited": speed demanded in words no list
    // holds (UrgencyGrammar), unless negated, reported, quoted or a standing procedure.
    private static string? SpeedDemand(in RuleContext context)
    {
        var (start, end) = UrgencyGrammar.FindDemand(context);
        if (end == 0 || IsNegated(context, start) || IsReported(context, start) || UrgencyGrammar.IsConditionalProcedure(context, start)
            || UrgencyGrammar.IsQuoted(context, start, end))
        {
            return null;
        }

        return context.Text[context.Words[start].Start..(context.Words[end - 1].Start + context.Words[end - 1].Length)].ToString();
    }

    // "need the sample sheet now", "need those logs yesterday": a need with "now" (or, hyperbolically,
    // "yesterday") closing the clause demands now.
    private static string? NeedNow(in RuleContext context)
    {
        var words = context.Words;
        for (var i = 0; i < words.Length; i++)
        {
            if (context.WordAt(i) is not "need")
            {
                continue;
            }

            for (var j = i + 2; j <= i + 4 && j < words.Length; j++)
            {
                if (context.WordAt(j) is "now" or "yesterday" && (j + 1 == words.Length || context.ClauseBreakBetween(j, j + 1)) && !context.ClauseBreakBetween(i, j))
                {
                    return context.WordAt(j) is "now" ? "need … now" : "need … yesterday";
                }
            }
        }

        return null;
    }

    // "not urgent", "it's not really something we need asap", "we can't do it asap": a negator (the
    // list, or any negative auxiliary: "wouldnt", "cant", "didnt"…) up to five words before the
    // urgency phrase, in the same clause ("not a blocker, but I need it asap" is urgent: the comma and
    // "but" end the negation's scope). A negated opinion ("I don't think this one is really that
    // urgent", "I wouldn't say it's urgent") scopes over its whole clause. A negated verb of delay
    // ("don't forget to send it asap", "don't wait, fix it right away") is a double negative: it demands.
    private static bool IsNegated(in RuleContext context, int start)
    {
        for (var end = start; end > 0 && start - end < 12; end--)
        {
            if (context.ClauseBreakBetween(end - 1, start) || context.WordAt(end - 1) is "but" or "though" or "however" or "although" or "yet")
            {
                return false;
            }

            if (!IsNegator(context, end))
            {
                continue;
            }

            if (end < context.Words.Length && context.WordAt(end) is "forget" or "hesitate" or "wait" or "delay" or "let" or "hold")
            {
                continue; // "don't forget …": a demand
            }

            if (start - end < 5 || NegatesAnOpinion(context, end))
            {
                return true;
            }
        }

        return false;
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
        EndsAt(context, PhraseLists.UrgencyNegatorsIndex, end) || IsNegativeAuxiliary(context.WordAt(end - 1));

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
