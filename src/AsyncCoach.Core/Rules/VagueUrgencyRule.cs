namespace AsyncCoach.Core.Rules;

/// <summary>vague-urgency: signals urgency ("asap", "urgent"…) without a concrete deadline.</summary>
public sealed class VagueUrgencyRule : IRule
{
    public const string Suggestion =
        "Saying by when and why helps people plan around it, for example \"by Thu 15:00 CET, because the release freezes\".";

    public string Id => RuleIds.VagueUrgency;

    public Finding? Evaluate(in RuleContext context)
    {
        var needNow = context.Has(PhraseLists.UrgencyIndex) ? null : ClosingSpeed(context) ?? SpeedDemand(context);
        if ((!context.Has(PhraseLists.UrgencyIndex) && needNow is null) || Deadlines.HasDeadline(context))
        {
            return null;
        }

        List<string>? evidence = needNow is null ? null : [needNow];
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.UrgencyIndex && !IsDescriptive(context, match) && !UrgencyNegation.IsNegated(context, match.Start)
                && !UrgencyMention.IsMentioned(context, match.Start, match.End))
            {
                var phrase = context.Phrases.PhraseText(match.PhraseId);
                evidence ??= [];
                if (!evidence.Contains(phrase) && !evidence.Exists(e => e.Contains(phrase, StringComparison.Ordinal)))
                {
                    evidence.Add(phrase);
                }
            }
        }

        // "… is top priority for the buyer, but nothing to do yet": the demand stood down after the last urgency word.
        var last = 0;
        foreach (var match in context.Matches)
        {
            last = match.List == PhraseLists.UrgencyIndex ? Math.Max(last, match.End - 1) : last;
        }

        return evidence is null || UrgencyNegation.IsStoodDown(context, last) ? null : context.CreateFinding(Id, evidence, Suggestion);
    }

    // Words that make a clause a request, and verbs that start an imperative one: what a demand does.
    private static readonly HashSet<string> RequestWords = new(
        ["need", "needs", "please", "pls", "plz", "can", "could", "would", "must", "asap", "urgent", "urgently", "want", "wants", "require", "requires", "kindly", "abeg"],
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
            if (other.List == PhraseLists.UrgencyDescriptiveIndex && other.Start <= match.Start && other.End >= match.End && !IsWantedState(context, other.Start))
            {
                return true;
            }
        }

        if (IsReported(context, match.Start) || UrgencyGrammar.IsConditionalProcedure(context, match.Start) || UrgencyStance.IsPromise(context, match.Start)
            || UrgencyStance.IsNamedGoal(context, match) || UrgencyStance.IsWishAtADistance(context, match.Start)
            || UrgencyStance.IsAskedAbout(context, match) || UrgencyStance.IsPastReport(context, match.Start)
            || (IsClassOfThings(context, match) && !IsDemandClause(context, match.Start, match.End)))
        {
            return true; // "the customer labelled it as urgent", "carrier says it's high priority", "if the alarm goes off, call the vet immediately"
        }

        if (IsAttributive(context, match))
        {
            return true; // "the ASAP project kickoff": a kind of thing, as "the urgent queue" is
        }

        return IsMannerAdverb(context.WordAt(match.Start))
            && (IsTriggered(context, match.End) || OpensStatement(context, match.Start, match.End) || !IsDemandClause(context, match.Start, match.End));
    }

    // "we handle urgent requests via the hotline", "urgent orders ship the same day": "urgent" before a plural
    // names a class of things (as "urgent items" does), unless the clause asks ("we need urgent repairs", eleventh pass).
    private static bool IsClassOfThings(in RuleContext context, PhraseMatch match)
    {
        // Inside a clause, after its verb ("we route urgent parcels …"): "Urgent fixes needed on the build" opens with its label and asks.
        var next = match.End;
        if (match.Start == 0 || context.ClauseBreakBetween(match.Start - 1, match.Start))
        {
            return false;
        }

        for (var j = next; j < context.Words.Length && !context.ClauseBreakBetween(j - 1, j); j++)
        {
            if (context.WordAt(j) is "needed" or "required" or "please" or "pls" or "plz")
            {
                return false;
            }
        }

        return context.WordAt(match.End - 1) is "urgent" && next < context.Words.Length && !context.ClauseBreakBetween(next - 1, next)
            && context.WordAt(next) is [_, _, .., 's'] and not ("is" or "as" or "pls" or "plz" or "thanks" or "this" or "us" or "guys" or "folks" or "yes" or "was"
                or "has" or "does" or "pls" or "its" or "thats" or "needs" or "requires" or "ops" or "lads" or "ladies" or "gents" or "boss");
    }

    // "right now occupancy is 94%", "immediately the alarm went off": a manner adverb opening a clause
    // that goes on to state something (a finite verb, nothing asked, no imperative) says when, not how
    // fast (eleventh pass). "right now, send me the file" and "right now you need to …" still ask.
    private static bool OpensStatement(in RuleContext context, int start, int end)
    {
        if ((start > 0 && !context.ClauseBreakBetween(start - 1, start)) || end >= context.Words.Length || context.ClauseBreakBetween(end - 1, end))
        {
            return false;
        }

        var last = end;
        while (last + 1 < context.Words.Length && !context.ClauseBreakBetween(last, last + 1))
        {
            last++;
        }

        if (OpensWithImperative(context, end, last + 1))
        {
            return false;
        }

        var finite = false;
        for (var j = end; j <= last; j++)
        {
            var word = context.WordAt(j);
            if (RequestWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word is "you" or "u" or "should")
            {
                return false;
            }

            // "right away she noticed the leak", "right away the driver pulled over": a past verb after its subject states, too (twelfth pass).
            finite |= word is "is" or "are" or "was" or "were" or "went" or "has" or "had" or "isnt" or "arent" or "wasnt" or "werent" or "got" or "came"
                || (word.EndsWith("ed") && word.Length > 4 && j > end
                    && (IsSubject(context.WordAt(j - 1)) || (j >= end + 2 && context.WordAt(end) is "the" or "our" or "my" or "his" or "her" or "their")));
        }

        return finite;
    }

    // "the ASAP project kickoff", "our asap lane": "asap" between a determiner and the noun it
    // qualifies names a kind of thing (eleventh pass) in a clause that asks nothing; "send the file asap"
    // closes its clause, "need this ASAP Sarah" has a pronoun, not a determiner.
    private static bool IsAttributive(in RuleContext context, PhraseMatch match)
    {
        var i = match.Start;
        return match.Length == 1 && context.WordAt(i) is "asap" && i > 0 && i + 1 < context.Words.Length
            && !context.ClauseBreakBetween(i - 1, i) && !context.ClauseBreakBetween(i, i + 1)
            && context.WordAt(i - 1) is "the" or "a" or "an" or "our" or "their" or "your" or "my"
            && !RequestWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(i + 1)) && context.WordAt(i + 1) is not ("pls" or "plz" or "thanks" or "thx")
            && !IsDemandClause(context, match.Start, match.End); // "give me an asap update" asks
    }

    // "the customer wants the NCR closed immediately", "need the valve shut right away": a listed
    // description ("closed immediately") whose participle is the state a need or want of a thing asks
    // for, in its clause, demands (tenth pass); "I need to tell you it closed immediately" does not.
    private static bool IsWantedState(in RuleContext context, int start)
    {
        if (!context.WordAt(start).EndsWith("ed") && context.WordAt(start) is not ("shut" or "done" or "sent" or "fixed"))
        {
            return false;
        }

        for (var i = start - 2; i >= 0 && start - i <= 5 && !context.ClauseBreakBetween(i, start); i--)
        {
            if (context.WordAt(i) is "need" or "needs" or "want" or "wants" or "wanted" && context.WordAt(i + 1) is not ("to" or "that"))
            {
                return !UrgencyNegation.IsNegated(context, i);
            }
        }

        return false;
    }

    // A label or someone else's words, up to five words before, in the same clause: "QA labelled 14
    // bugs urgent", "marked the ticket as high priority", "the carrier says it's high priority".
    private static bool IsReported(in RuleContext context, int start)
    {
        for (var i = start - 1; i >= 0 && start - i <= 5 && !context.ClauseBreakBetween(i, start); i--)
        {
            // A verb of saying, not a noun: "the carrier says …", but "send the claims asap" asks for papers.
            if (context.WordAt(i) is "labelled" or "labeled" or "marked" or "flagged" or "tagged" or "classed" or "classified" or "rated" or "considers"
                or "considered" or "deemed" or "called"
                && (i == 0 || context.WordAt(i - 1) is not ("the" or "a" or "your" or "my" or "our" or "their" or "his" or "her" or "these" or "those" or "all" or "expense" or "insurance")))
            {
                return true;
            }

            // A verb of saying has its content after it ("the guest keeps saying it's urgent", "the supplier told us it's
            // urgent"): straight before the urgency word it is a noun ("submit your overtime claims asap", eleventh pass).
            if (IsVerbOfSaying(context.WordAt(i)) && i < start - 1
                && (i == 0 || context.WordAt(i - 1) is not ("the" or "a" or "your" or "my" or "our" or "their" or "his" or "her" or "these" or "those" or "all")))
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

    private static bool IsVerbOfSaying(ReadOnlySpan<char> word) =>
        word is "says" or "said" or "saying" or "claims" or "claimed" or "claiming" or "thinks" or "tells" or "told" or "telling" or "insists" or "insisted"
            or "insisting" or "reckons" or "mentioned" or "wrote" or "writes";

    // "escalate immediately upon a match", "alert right away if it fails": a manner adverb tied to a
    // trigger describes a procedure, not a demand on the reader.
    // "immediately if possible", "right away if you can", "immediately if not sooner" ask: a condition on the reader's
    // ability, or a hyperbole, is no trigger (twelfth pass); "call me immediately if you see smoke" is one.
    private static bool IsTriggered(in RuleContext context, int end) =>
        end < context.Words.Length && !context.ClauseBreakBetween(end - 1, end)
        && context.WordAt(end) is "upon" or "after" or "when" or "whenever" or "once" or "if" or "following"
        && !(context.WordAt(end) is "if" && end + 1 < context.Words.Length
            && (context.WordAt(end + 1) is "possible" or "poss" or "feasible" or "not"
                || (context.WordAt(end + 1) is "you" or "u" or "ya" or "we" && end + 2 < context.Words.Length && context.WordAt(end + 2) is "can" or "could" or "are" or "re")));

    private static bool IsMannerAdverb(ReadOnlySpan<char> word) =>
        word is "immediately" or "right" or "straight" or "instantly" or "at" or "straightaway" or "immediatly" or "imediately" or "immediate";

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
            // "all engineers send your reports immediately": a group addressed, then the imperative.
            first += context.WordAt(first) is "all" && first + 2 < end && context.WordAt(first + 1) is [.., 's'] && context.WordAt(first + 1) is not "is" ? 2 : 1;
        }

        return first < end
            ? Imperatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(first)) || IsImperativeShape(context, first, end) || AsksOfTheReader(context, first, end)
            : end == 0;
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

    // "hurry pls", "the sooner the better", "get the order expedited": speed demanded in words no list
    // holds (UrgencyGrammar), unless negated, reported, quoted or a standing procedure.
    private static string? SpeedDemand(in RuleContext context)
    {
        var (start, end) = UrgencyGrammar.FindDemand(context);
        if (end == 0 || UrgencyNegation.IsNegated(context, start) || IsReported(context, start) || UrgencyGrammar.IsConditionalProcedure(context, start)
            || UrgencyMention.IsMentioned(context, start, end) || UrgencyStance.IsPromise(context, start))
        {
            return null;
        }

        // A manner of speed ("with immediate effect", "as fast as you can") asks only in a clause that asks, as "immediately" does.
        if (UrgencyGrammar.IsManner(context, start) && !IsDemandClause(context, start, end))
        {
            return null;
        }

        return context.Text[context.Words[start].Start..(context.Words[end - 1].Start + context.Words[end - 1].Length)].ToString();
    }

    // A demand closed by a word of speed (docs/rules.md "Decided", seventh pass): "need the sample
    // sheet now", "the customer wants the tower light fixed yesterday", "need those cask samples
    // sharpish", "upload the episode like yesterday", "do am sharp sharp". "now" and a bare
    // "yesterday" count after a need or a want of something; the others in any clause that asks.
    private static string? ClosingSpeed(in RuleContext context)
    {
        var words = context.Words;
        for (var j = 1; j < words.Length; j++)
        {
            var word = context.WordAt(j);
            if (word is not ("now" or "yesterday" or "sharpish" or "sharp" or "quick" or "quickly" or "fast" or "pronto" or "soonest" or "instant" or "minute" or "second"))
            {
                continue;
            }

            // A discourse particle or a vocative after the word still closes its clause ("need this STR filed like yesterday lor").
            var closes = j + 1 == words.Length || context.ClauseBreakBetween(j, j + 1)
                || (context.WordAt(j + 1) is "pls" or "please" or "plz" or "tbh" or "ya" or "po" or "thanks" or "lor" or "lah" or "leh" or "lar" or "ah"
                    or "mate" or "bro" or "guys" or "boss" or "sir" or "abeg" or "o" or "oh" or "ok" or "okay" or "folks" or "team"
                    && (j + 2 == words.Length || context.ClauseBreakBetween(j + 1, j + 2)));

            // "we need a locum for Corby, like, yesterday": the hyperbole set off as an afterthought
            // belongs to the clause before it (ninth pass).
            if (closes && word is "yesterday" or "now" && j >= 2 && context.WordAt(j - 1) is "like" && context.ClauseBreakBetween(j - 2, j - 1)
                && IsAsking(context, j - 2) && !UrgencyNegation.IsNegated(context, j - 2) && !UrgencyStance.IsPromise(context, j - 2))
            {
                return word is "now" ? "like now" : "like yesterday"; // "need the keys, like, now" (eleventh pass)
            }

            if (!closes || context.ClauseBreakBetween(j - 1, j))
            {
                continue;
            }

            var hyperbole = word is "yesterday" && context.WordAt(j - 1) is "like" or "by" or "for";
            if (word is "now" or "yesterday" && !hyperbole)
            {
                if (NeedOf(context, j) is var need and >= 0 && !UrgencyNegation.IsNegated(context, need))
                {
                    return word is "now" ? "need … now" : "need … yesterday";
                }

                continue;
            }

            if ((word is "sharp" && context.WordAt(j - 1) is not "sharp") || (word is "instant" or "minute" or "second" && context.WordAt(j - 1) is not "this"))
            {
                continue; // "at 9 sharp" is a time; "sharp sharp", "this instant", "right this minute" are speed
            }

            var head = hyperbole || word is "sharp" or "instant" or "minute" or "second" ? j - 1 : j;

            // "the keys please, right this second": an afterthought of the closing words alone asks with the clause before it.
            var opened = head;
            while (opened > 0 && !context.ClauseBreakBetween(opened - 1, opened))
            {
                opened--;
            }

            var afterthought = opened > 0 && head - opened <= 1
                && (IsAsking(context, opened - 1) || context.WordAt(opened - 1) is "please" or "pls" or "plz" || RequestWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(opened - 1)));
            if ((afterthought || IsAsking(context, head)) && !UrgencyNegation.IsNegated(context, head) && !UrgencyStance.IsPromise(context, head))
            {
                var please = j + 1 < words.Length && !context.ClauseBreakBetween(j, j + 1) && context.WordAt(j + 1) is "pls" or "please" or "plz";
                return hyperbole ? "like yesterday" : word is "sharp" ? "sharp sharp" : word is "instant" or "minute" or "second" ? $"this {word}" : please ? $"{word} {context.WordAt(j + 1)}" : word.ToString();
            }
        }

        return null;
    }

    // The need or want that a closing "now"/"yesterday" belongs to: "need the logs now", "the customer
    // wants the light fixed yesterday", "needs doing yesterday". Up to five words between, none a
    // subject or a relative ("I need to tell you what happened yesterday" reports a day), and a want
    // of a thing, not of doing ("I want to go home now").
    private static int NeedOf(in RuleContext context, int j)
    {
        for (var i = j - 1; i >= 0 && j - i <= 6 && !context.ClauseBreakBetween(i, j); i--)
        {
            var word = context.WordAt(i);
            if (word is "what" or "that" or "which" or "who" or "when" or "where" or "from" or "since" or "of" or "on" or "than" or "i" or "we" or "he" or "she" or "they"
                or "happened" or "said" or "was" or "were")
            {
                return -1;
            }

            // "the file Sam emailed yesterday": a name before a past form is a relative clause's subject.
            if (i == j - 1 && word.EndsWith("ed") && i > 0 && UrgencyMention.RawOffset(context, i - 1) is var name and >= 0
                && char.IsUpper(context.Message.Text[name]))
            {
                return -1;
            }

            if (word is "need" or "needs" && j - i >= 2)
            {
                return i;
            }

            if (word is "want" or "wants" && j - i >= 2 && context.WordAt(i + 1) is not "to")
            {
                return i;
            }
        }

        return -1;
    }

    // A clause that asks something of someone: a request word ("need", "please", "abeg"), "can you" /
    // "could someone", or an imperative.
    private static bool IsAsking(in RuleContext context, int at)
    {
        for (var i = at - 1; i >= 0 && !context.ClauseBreakBetween(i, at); i--)
        {
            var word = context.WordAt(i);
            if (word is "need" or "needs" or "please" or "pls" or "plz" or "kindly" or "abeg" or "want" or "wants" or "must")
            {
                return true;
            }

            if (word is "you" or "u" or "someone" or "somebody" or "anyone" or "anybody" && i > 0 && context.WordAt(i - 1) is "can" or "could" or "would" or "will")
            {
                return true;
            }
        }

        var first = at;
        while (first > 0 && !context.ClauseBreakBetween(first - 1, at))
        {
            first--;
        }

        return OpensWithImperative(context, first, at);
    }
}
