namespace AsyncCoach.Core.Rules;

/// <summary>vague-urgency: signals urgency ("asap", "urgent"…) without a concrete deadline.</summary>
public sealed partial class VagueUrgencyRule : IRule
{
    public const string Suggestion =
        "Saying by when and why helps people plan around it, for example \"by Thu 15:00 CET, because the release freezes\".";

    public string Id => RuleIds.VagueUrgency;

    public Finding? Evaluate(in RuleContext context)
    {
        var needNow = context.Has(PhraseLists.UrgencyIndex) ? null : ClosingSpeed(context) ?? SpeedDemand(context) ?? DoubledWord(context);
        if ((!context.Has(PhraseLists.UrgencyIndex) && needNow is null) || Deadlines.HasDeadline(context, Deadlines.CorrectedFrom(context, LastUrgency(context))))
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

    // Where the last listed urgency word starts (or the message's length when only a demand in other words was read).
    private static int LastUrgency(in RuleContext context)
    {
        var last = -1;
        foreach (var match in context.Matches)
        {
            last = match.List == PhraseLists.UrgencyIndex ? Math.Max(last, match.Start) : last;
        }

        return last < 0 ? context.Words.Length : last;
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
            || (IsClassOfThings(context, match) && !IsDemandClause(context, match.Start, match.End)) || IsDescribedThing(context, match))
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

    // "our urgent line is 0800 123 456", "last week's urgent fix broke the export", "my urgent request from Monday is done": "urgent"
    // inside the subject of a statement (a determiner or an owner, the word, its noun, then a verb within five words) describes
    // the thing, when nothing in the message asks (no request word, no question mark; thirteenth pass). "the urgent order is
    // still waiting, can you ship it?" asks, and keeps its finding.
    private static bool IsDescribedThing(in RuleContext context, PhraseMatch match)
    {
        var i = match.Start;
        if (match.Length != 1 || context.WordAt(i) is not "urgent" || i == 0 || i + 2 >= context.Words.Length || context.ClauseBreakBetween(i - 1, i)
            || context.ClauseBreakBetween(i, i + 1) || context.Message.Text.Contains('?'))
        {
            return false;
        }

        // A determiner, or a past owner ("yesterday's", "last week's", apostrophes dropped).
        var owner = context.WordAt(i - 1);
        if (owner is not ("the" or "our" or "my" or "your" or "their" or "his" or "her" or "this" or "that" or "its" or "yesterdays")
            && !(owner is "weeks" or "months" or "nights" or "years" && i >= 2 && context.WordAt(i - 2) is "last"))
        {
            return false;
        }

        var verb = -1;
        for (var j = i + 2; j < context.Words.Length && j <= i + 6 && !context.ClauseBreakBetween(j - 1, j); j++)
        {
            var word = context.WordAt(j);
            if (word is "is" or "was" or "are" or "were" or "has" or "had" or "broke" or "went" or "came" or "got" or "arrived" or "failed" or "worked"
                || (word.EndsWith("ed") && word.Length > 4 && word is not ("needed" or "required")))
            {
                verb = j;
                break;
            }
        }

        if (verb < 0)
        {
            return false;
        }

        for (var j = 0; j < context.Words.Length; j++)
        {
            if (j != i && RequestWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.WordAt(j)))
            {
                return false;
            }
        }

        return true;
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

            // "client say is urgent but …" (an uninflected "says", as Caribbean, West African and learners' English write it), and
            // "dice che è urgentissimo", "dijo que era urgente", "dit que c'est urgent", "sagt dass": someone's words reported
            // (fourteenth pass). "say" counts after a subject that is not the speaker and not a request ("please say", "just say").
            if (i > 0 && i < start - 1 && context.WordAt(i) is "say" && !context.ClauseBreakBetween(i - 1, i)
                && context.WordAt(i - 1) is not ("i" or "we" or "to" or "please" or "pls" or "plz" or "just" or "can" or "could" or "would" or "will" or "should"
                    or "must" or "dont" or "not" or "and" or "or" or "you" or "u" or "lets" or "let" or "cant" or "wont" or "didnt" or "did" or "do" or "might" or "may"))
            {
                return true;
            }

            if (i < start - 1 && context.WordAt(i + 1) is "que" or "che" or "dass" or "qu" or "dat" or "quil" or "quelle"
                && context.WordAt(i) is "dice" or "dicen" or "dijo" or "dijeron" or "decia" or "dit" or "disait" or "detto" or "diz" or "disse" or "dizem"
                    or "sagt" or "sagte" or "meint" or "zegt" or "zei" or "afirma" or "asegura" or "insiste" or "insistio" or "affirme" or "ecrit"
                    or "escribio" or "scrive" or "schreibt" or "dicho")
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
}
