namespace AsyncCoach.Core.Rules;

/// <summary>huddle-instead-of-thread: proposes moving the discussion to a live call now, without a reason that needs one.</summary>
public sealed class HuddleInsteadOfThreadRule : IRule
{
    public const string Suggestion =
        "Could this be a thread? Write down the question or the decision you need, so people can answer when they're free. " +
        "If it still needs a call, post a short summary in the thread afterwards.";

    private static readonly string[] NoRequests = [];

    public string Id => RuleIds.HuddleInsteadOfThread;

    public Finding? Evaluate(in RuleContext context)
    {
        // Asking someone over in person is a live talk too, but only with a topic: "can I steal you
        // for a sec?" alone is an availability check (missing-context), like "can we talk?".
        var requests = Requests(context);
        var proposes = requests.Count > 0 || (context.Has(PhraseLists.InPersonIndex) && !context.IsNaked && !InPersonWantedBySomeoneElse(context))
            || IsBareCall(context) || ProposesCall(context, out _) || (context.Has(PhraseLists.CallWordsIndex) && (CallShapes.CallsSomeone(context, out _) || CallShapes.DurationOnAMedium(context, out _) || CallShapes.MediumSoon(context, out _)))
            || ((context.Has(PhraseLists.CallWordsIndex) || (context.Features & Text.TextFeatures.Question) != 0) && (CallGrammar.Proposes(context, out _) || CallGrammar.Connect(context)))
            || CallGrammar.MeetsUp(context, out _);
        if (!proposes
            || context.Has(PhraseLists.CallReasonIndex)
            || context.Has(PhraseLists.CallDeclinedIndex)
            || context.Has(PhraseLists.ScheduledMeetingIndex)
            || CallShapes.DeclinesACall(context)
            || CallGrammar.ReportsAFailure(context))
        {
            return null;
        }

        IReadOnlyList<string> evidence = requests;
        if (evidence.Count == 0 && (CallShapes.CallsSomeone(context, out var shape) || CallShapes.DurationOnAMedium(context, out shape) || CallShapes.MediumSoon(context, out shape)))
        {
            evidence = [shape];
        }

        if (evidence.Count == 0)
        {
            evidence = ProposesCall(context, out var proposal) ? [proposal]
                : CallGrammar.Proposes(context, out proposal) ? [proposal]
                : CallGrammar.Connect(context) ? ["connect"]
                : CallGrammar.MeetsUp(context, out proposal) ? [proposal]
                : context.Evidence(PhraseLists.InPersonIndex);
        }

        return context.CreateFinding(Id, evidence.Count > 0 ? evidence : context.Evidence(PhraseLists.BareCallIndex), Suggestion);
    }

    // The call-request phrases that propose: not one that names a meeting ("today's huddle", "the
    // huddle", "our weekly huddle", "yesterday's video call").
    private static IReadOnlyList<string> Requests(in RuleContext context)
    {
        if (!context.Has(PhraseLists.CallRequestIndex))
        {
            return NoRequests;
        }

        var requests = new List<string>();
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.CallRequestIndex && !CallShapes.NamesAMeeting(context, match.Start) && !CallShapes.NamesAThing(context, match.End)
                && !CallShapes.WantedBySomeoneElse(context, match.Start))
            {
                var text = context.Phrases.PhraseText(match.PhraseId);
                if (!requests.Contains(text))
                {
                    requests.Add(text);
                }
            }
        }

        // Longest per overlap, as Evidence gives it: "quick huddle" rather than "huddle" too (no
        // lambda: a closure would be allocated for every message, even the ones with no request).
        for (var i = requests.Count - 1; i >= 0; i--)
        {
            foreach (var other in requests)
            {
                if (other.Length > requests[i].Length && other.Contains(requests[i], StringComparison.Ordinal))
                {
                    requests.RemoveAt(i);
                    break;
                }
            }
        }

        return requests;
    }

    // "the on-call rota", "the video recording": a call word that names something else, not a medium;
    // "phone call", "video meeting": the noun goes on, and the longer noun is judged on its own.
    private static bool ModifiesANoun(in RuleContext context, PhraseMatch noun) =>
        noun.End < context.Words.Length && context.WordAt(noun.End) is "from" or "call" or "meeting" or "rota" or "rotation" or "schedule" or "shift" or "week" or "engineer" or "duty"
            or "person" or "list" or "pager" or "handover" or "log" or "logs" or "notes" or "recording" or "link" or "invite" or "board" or "room";

    // "who do we call?", "do you have zoom?": "do" before its subject is an auxiliary, not the verb of a proposal.
    private static bool IsAuxiliary(in RuleContext context, PhraseMatch verb) =>
        verb.End < context.Words.Length && context.WordAt(verb.Start) is "do" && verb.Length == 1 && context.WordAt(verb.End) is "we" or "you" or "i" or "they" or "u";

    // "make a call on the vendor", "make the call" decide; "make a short call about the scrap rate", "make a fast
    // call", "make a meeting with the supplier" propose: only "make (a|the) call" with nothing between decides.
    private static bool MakesADecision(in RuleContext context, PhraseMatch verb, PhraseMatch noun) =>
        context.WordAt(verb.Start) is "make" && context.Phrases.PhraseText(noun.PhraseId) is "call" or "a call"
        && (noun.Start == verb.End || (noun.Start == verb.End + 1 && context.WordAt(verb.End) is "a" or "the" or "that" or "this" or "your" or "our" or "my"));

    // "the resident insists on a face-to-face meeting": someone else's wish, not the author's proposal.
    private static bool InPersonWantedBySomeoneElse(in RuleContext context)
    {
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.InPersonIndex && !CallShapes.WantedBySomeoneElse(context, match.Start))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"call?", "zoom?", "ring?": a call word that is the whole message.</summary>
    internal static bool IsBareCall(in RuleContext context)
    {
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.BareCallIndex && match.Start == 0 && match.End == context.Words.Length)
            {
                return true;
            }
        }

        // "quick teams?", "short zoom now?": a medium with only words of haste or time around it.
        var medium = false;
        for (var i = 0; i < context.Words.Length; i++)
        {
            var word = context.WordAt(i);
            if (CallShapes.IsMedium(word))
            {
                medium = true;
            }
            else if (word is not ("quick" or "short" or "fast" or "brief" or "a" or "pls" or "please" or "now" or "rn") && !MessageShapes.IsTime(word))
            {
                return false;
            }
        }

        return medium && (context.Features & Text.TextFeatures.Question) != 0;
    }

    // What a proposal does: a verb of meeting ("jump", "do", "book", "take … to", "discuss") followed
    // within a few words by a live medium ("a call", "a meet", "zoom", "video", "live"): "let's do a
    // call tonight", "better we do a zoom", "let's take the SLA debate to a call". A report ("we had a
    // call") has no such verb; "make a call" is a decision, but "make a short call" or "make a meeting" proposes.
    private static bool ProposesCall(in RuleContext context, out string evidence)
    {
        evidence = "";
        if (!context.Has(PhraseLists.CallVerbsIndex) || !context.Has(PhraseLists.CallNounsIndex))
        {
            return false;
        }

        foreach (var verb in context.Matches)
        {
            if (verb.List != PhraseLists.CallVerbsIndex || IsAuxiliary(context, verb) || CallShapes.WantedBySomeoneElse(context, verb.Start))
            {
                continue;
            }

            foreach (var noun in context.Matches)
            {
                if (noun.List == PhraseLists.CallNounsIndex && noun.Start >= verb.End && noun.Start - verb.End <= 4 && !context.ClauseBreakBetween(verb.Start, noun.Start)
                    && !ModifiesANoun(context, noun) && !MakesADecision(context, verb, noun))
                {
                    evidence = context.Phrases.PhraseText(verb.PhraseId) + " … " + context.Phrases.PhraseText(noun.PhraseId);
                    return true;
                }
            }
        }

        return false;
    }
}
