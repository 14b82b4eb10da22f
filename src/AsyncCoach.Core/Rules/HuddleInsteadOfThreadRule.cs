using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// huddle-instead-of-thread: proposes moving the discussion to a live call now, without a reason that needs one.
/// The call grammar reads every message; where a cheap gate says a call may be named (a call word, a
/// request, a medium, an in-person ask, or the grammar's own proposal), <see cref="HuddleModel"/> reads
/// the message with the grammar's signals and decides: a grammar finding stands while the model's score
/// is above <see cref="HuddleModel.KeepThreshold"/>, and the model adds one the grammar did not make above
/// <see cref="HuddleModel.Threshold"/> (docs/rules.md, huddle seventh pass). Without a model: the grammar alone.
/// </summary>
public sealed class HuddleInsteadOfThreadRule(HuddleModel? model) : IRule
{
    public const string Suggestion =
        "Could this be a thread? Write down the question or the decision you need, so people can answer when they're free. " +
        "If it still needs a call, post a short summary in the thread afterwards.";

    /// <summary>The evidence of a finding the grammar did not make but <see cref="HuddleModel"/> did (never the message's words).</summary>
    public const string ModelEvidence = "(model: reads as a proposal of a live call now)";

    private static readonly string[] NoRequests = [];

    // Lists that name a call, a medium or a live talk: the gate before the model reads a message. A call-request phrase
    // opens it only when the grammar keeps it as a request (huddle21): "let's sync the staging database" names no call.
    private static readonly int GateLists = (1 << PhraseLists.CallWordsIndex) | (1 << PhraseLists.CallNounsIndex)
        | (1 << PhraseLists.BareCallIndex) | (1 << PhraseLists.InPersonIndex);

    /// <summary>The rule with the embedded <see cref="HuddleModel"/>.</summary>
    public HuddleInsteadOfThreadRule()
        : this(HuddleModel.Default)
    {
    }

    public string Id => RuleIds.HuddleInsteadOfThread;

    /// <summary>The model this rule reads with (null: the grammar alone).</summary>
    public HuddleModel? Model => model;

    public Finding? Evaluate(in RuleContext context)
    {
        // Asking someone over in person is a live talk too, but only with a topic: "can I steal you
        // for a sec?" alone is an availability check (missing-context), like "can we talk?".
        var requests = Requests(context);
        var proposes = GrammarProposes(context, requests);
        if (model is null || (!proposes && requests.Count == 0 && (context.ListMask & GateLists) == 0))
        {
            return proposes && !Vetoed(context) ? GrammarFinding(context, requests) : null;
        }

        var signals = Signals(context, requests, proposes);
        var grammar = proposes && (signals & HuddleSignals.Vetoes) == 0 && !(Covered(context, out var reported) && reported);
        var score = model.Score(context, signals);
        if (grammar)
        {
            return score > model.KeepThreshold ? GrammarFinding(context, requests) : null;
        }

        return (signals & HuddleSignals.SureNot) == 0 && score > model.Threshold ? context.CreateFinding(Id, [ModelEvidence], Suggestion) : null;
    }

    /// <summary>The grammar's signals for the model's features (also what the trainer encodes).</summary>
    internal static HuddleSignals Signals(in RuleContext context)
    {
        var requests = Requests(context);
        return Signals(context, requests, GrammarProposes(context, requests));
    }

    /// <summary>Whether the gate lets the model read this message.</summary>
    internal static bool Gated(in RuleContext context) =>
        (context.ListMask & GateLists) != 0 || Requests(context).Count > 0 || GrammarProposes(context, Requests(context));

    private static bool GrammarProposes(in RuleContext context, IReadOnlyList<string> requests) =>
        requests.Count > 0 || (context.Has(PhraseLists.InPersonIndex) && !context.IsNaked && !InPersonNotProposed(context))
            || IsBareCall(context) || ProposesCall(context, out _) || (context.Has(PhraseLists.CallWordsIndex) && (CallShapes.CallsSomeone(context, out _) || CallShapes.DurationOnAMedium(context, out _) || CallShapes.MediumSoon(context, out _)))
            || ((context.Has(PhraseLists.CallWordsIndex) || (context.Features & TextFeatures.Question) != 0) && (CallGrammar.Proposes(context, out _) || CallGrammar.Connect(context)))
            || CallGrammar.MeetsUp(context, out _) || CallGrammar.ComesOver(context, out _) || CallGrammar.TalksLive(context, out _)
            || MediumQuestion.Asks(context, out _) || Together.Proposes(context, out _);

    // The grammar's vetoes; since huddle20b also a call reported: every call word is no proposal of the
    // author's and one is in the past ("we did a quick huddle with sound", "got on zoom with the city").
    private static bool Vetoed(in RuleContext context) =>
        HasReason(context)
        || context.Has(PhraseLists.CallDeclinedIndex)
        || Scheduled(context)
        || CallShapes.DeclinesACall(context)
        || CallShapes.OffersOnCondition(context)
        || CallGrammar.ReportsAFailure(context)
        || (Covered(context, out var reported) && reported);

    // A reason for a call (call-reason), but not a plan that does not suit someone (huddle20c): "the rota maths
    // doesn't work for Squad 2", "Tuesday isn't working for us" are topics, "the scanner doesn't work" a failure.
    private static bool HasReason(in RuleContext context)
    {
        if (KeptOutOfWriting(context))
        {
            return true;
        }

        if (!context.Has(PhraseLists.CallReasonIndex))
        {
            return false;
        }

        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.CallReasonIndex
                && !(match.End < context.Words.Length && context.WordAt(match.End) is "for" or "with"
                    && context.Phrases.PhraseText(match.PhraseId) is "doesnt work" or "not working" or "isnt working" or "stopped working")
                && !WhiteboardAsAPlace(context, match))
            {
                return true;
            }
        }

        return false;
    }

    // "I don't want to write details here", "I'd rather not put this in writing", "can't type it here" (huddle24): the author says
    // why it should not be written, which is a reason for a call. A negation, then within three words a verb of writing.
    private static bool KeptOutOfWriting(in RuleContext context)
    {
        for (var i = 0; i + 1 < context.Words.Length; i++)
        {
            if (context.WordAt(i) is not ("dont" or "not" or "cant" or "cannot" or "wont" or "shouldnt" or "never"))
            {
                continue;
            }

            for (var j = i + 1; j + 1 < context.Words.Length && j - i <= 3 && !context.ClauseBreakBetween(i, j); j++)
            {
                if (context.WordAt(j) is "write" or "type" or "put" or "say"
                    && context.WordAt(j + 1) is "details" or "this" or "it" or "that" or "here" or "in" or "them" or "everything" or "much" or "more" or "down")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "get round the whiteboard at 2 and talk through the floor plan" (huddle21): the whiteboard is where people
    // meet, not a brainstorm ("a whiteboard session", "let's whiteboard it", "whiteboarding" still are).
    private static bool WhiteboardAsAPlace(in RuleContext context, PhraseMatch match) =>
        match.Start > 1 && context.Phrases.PhraseText(match.PhraseId) is "whiteboard" && context.WordAt(match.Start - 1) is "the" or "a" or "my" or "our"
        && context.WordAt(match.Start - 2) is "round" or "around" or "at" or "to" or "by" or "near" or "in" or "front"
        && (match.End == context.Words.Length || context.WordAt(match.End) is not ("session" or "sessions" or "jam"));

    // A scheduled meeting named, not as a time only ("I'll call you after standup", "before the retro")
    // nor as a proposal's own verb ("shall we all dial in and hash it out"): huddle20b.
    private static bool Scheduled(in RuleContext context)
    {
        if (!context.Has(PhraseLists.ScheduledMeetingIndex))
        {
            return false;
        }

        foreach (var match in context.Matches)
        {
            if (match.List != PhraseLists.ScheduledMeetingIndex)
            {
                continue;
            }

            var before = match.Start > 0 ? context.WordAt(match.Start - 1) : default;
            var phrase = context.Phrases.PhraseText(match.PhraseId);
            var asTime = phrase is "standup" or "stand up" or "retro" or "retrospective" or "planning" or "all hands" or "town hall"
                && before is "after" or "before" or "post" or "till" or "until";
            var proposed = phrase is "dial in" && before is "we" or "all" or "lets" or "us" or "both";
            if (!asTime && !proposed && !PlanningAsATopic(context, match, phrase) && !WeeklyThing(context, match, phrase))
            {
                return true;
            }
        }

        return false;
    }

    // "the planning conditions", "planning permission", "le planning des astreintes" (huddle20c): "planning" before
    // a noun of its clause names a field or a plan, not the planning meeting ("at planning", "sprint planning", "planning at 10").
    private static bool PlanningAsATopic(in RuleContext context, PhraseMatch match, string phrase) =>
        phrase is "planning" && match.End < context.Words.Length && !context.ClauseBreakBetween(match.Start, match.End)
        && context.WordAt(match.End) is not ("meeting" or "session" or "call" or "is" or "was" or "at" or "on" or "in" or "today" or "tomorrow" or "tmrw" or "this"
            or "next" or "starts" or "will" or "has" or "got" or "moved" or "and" or "or" or "with" or "then" or "tho" or "though" or "poker" or "went" or "ran");

    // "the Sky UK weekly SLA numbers", "the weekly APAC numbers" (huddle23): "weekly" before a noun of its clause that no meeting
    // word follows names a thing done each week; "the weekly ops call", "our weekly with the client", "see you at the weekly" still veto.
    private static bool WeeklyThing(in RuleContext context, PhraseMatch match, string phrase)
    {
        if (phrase is not "weekly" || match.End == context.Words.Length || context.ClauseBreakBetween(match.Start, match.End)
            || context.WordAt(match.End) is "with" or "is" or "was" or "moved" or "at" or "on" or "in" or "tomorrow" or "today" or "has" or "will" or "starts" or "and" or "or"
                or "got" or "this" or "next" or "then")
        {
            return false;
        }

        for (var i = match.End; i < context.Words.Length && i - match.End < 4 && !context.ClauseBreakBetween(match.Start, i); i++)
        {
            if (CallShapes.IsMedium(context.WordAt(i)) || context.WordAt(i) is "sync" or "meeting" or "meetings" or "standup" or "stand" or "catchup" or "catch" or "checkin"
                or "check" or "forum" or "session" or "review" or "touchpoint" or "chat" or "retro" or "briefing" or "toolbox" or "one" or "1")
            {
                return false;
            }
        }

        return true;
    }

    // Every act and veto the grammar reads, each on its own (the model weighs them).
    private static HuddleSignals Signals(in RuleContext context, IReadOnlyList<string> requests, bool proposes)
    {
        var signals = proposes ? HuddleSignals.Proposes : HuddleSignals.None;
        signals |= requests.Count > 0 ? HuddleSignals.Request : 0;
        signals |= ProposesCall(context, out _) ? HuddleSignals.VerbNoun : 0;
        signals |= IsBareCall(context) ? HuddleSignals.BareCall : 0;
        signals |= context.Has(PhraseLists.CallWordsIndex) && (CallShapes.CallsSomeone(context, out _) || CallShapes.DurationOnAMedium(context, out _) || CallShapes.MediumSoon(context, out _))
            ? HuddleSignals.Shape : 0;
        signals |= CallGrammar.Proposes(context, out _) || CallGrammar.Connect(context) || CallGrammar.MeetsUp(context, out _)
            || CallGrammar.ComesOver(context, out _) || CallGrammar.TalksLive(context, out _) ? HuddleSignals.Grammar : 0;
        signals |= MediumQuestion.Asks(context, out _) ? HuddleSignals.MediumAsked : 0;
        signals |= Together.Proposes(context, out _) ? HuddleSignals.Together : 0;
        signals |= HasReason(context) ? HuddleSignals.Reason : 0;
        signals |= context.Has(PhraseLists.CallDeclinedIndex) || CallShapes.DeclinesACall(context) || CallShapes.OffersOnCondition(context) ? HuddleSignals.Declined : 0;
        signals |= Scheduled(context) ? HuddleSignals.Scheduled : 0;
        signals |= CallGrammar.ReportsAFailure(context) ? HuddleSignals.Failure : 0;
        signals |= Covered(context, out _) || AsksToBeCalled(context) ? HuddleSignals.Covered : 0;
        return signals;
    }

    // "the volunteer asked to be called right away", "she wants to be rung back" (huddle24): a call someone else wishes for, in the
    // passive, names no call word for Covered to read; the model adds no finding against it.
    private static bool AsksToBeCalled(in RuleContext context)
    {
        for (var i = 2; i < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "called" or "rung" or "phoned" or "contacted" or "reached" && context.WordAt(i - 1) is "be" && context.WordAt(i - 2) is "to"
                && i > 2 && context.WordAt(i - 3) is "asked" or "asks" or "wants" or "wanted" or "prefers" or "preferred" or "requested" or "requests" or "insists" or "likes" or "expects")
            {
                return true;
            }
        }

        return false;
    }

    // Whether every call word is no proposal of the author's (see HuddleSignals.Covered); false with none.
    // Reported: one of them is negated or in the past ("we did a quick huddle", "got on zoom").
    private static bool Covered(in RuleContext context, out bool reported)
    {
        var any = false;
        reported = false;
        foreach (var match in context.Matches)
        {
            if (match.List != PhraseLists.CallWordsIndex)
            {
                continue;
            }

            any = true;
            if (NegatedOrPast(context, match.Start) || Reported(context, match))
            {
                reported = true;
            }
            else if (!CallShapes.WantedBySomeoneElse(context, match.Start) && !CallShapes.NamesAMeeting(context, match.Start) && !CallShapes.NamesAThing(context, match.End)
                && !CallsBackSomeoneElse(context, match))
            {
                reported = false;
                return false;
            }
        }

        return any;
    }

    // "let's not hop on a call", "we had a huddle", "I got a call", "we did a quick huddle", "jumped on
    // zoom": a negation or a past verb at most three words before the call word, in its clause.
    private static bool NegatedOrPast(in RuleContext context, int start)
    {
        // "15 min on Teams yesterday settled it", "the zoom earlier": a past time right after the call word (huddle21).
        for (var i = start + 1; i < context.Words.Length && i - start <= 2 && !context.ClauseBreakBetween(start, i); i++)
        {
            if (context.WordAt(i) is "yesterday" or "ago" or "previously"
                || (context.WordAt(i) is "earlier" && (i + 1 == context.Words.Length || context.WordAt(i + 1) is not ("than" or "tomorrow" or "next" or "in" or "on" or "instead"
                    or "if" or "pls" or "please" or "so" or "rather" or "maybe" or "then")))
                || (context.WordAt(i) is "last" && i + 1 < context.Words.Length && context.WordAt(i + 1) is "week" or "night" or "month" or "time" or "monday" or "tuesday"
                    or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"))
            {
                return true;
            }
        }

        // "the 15 min zoom on the CI pipeline is recorded", "the call was cancelled", "the huddle is done" (huddle24): the call is the
        // subject of a finished or passive verb in its clause, a report. Not "a call is needed" (a wish).
        for (var i = start + 1; i + 1 < context.Words.Length && i - start <= 6 && !context.ClauseBreakBetween(start, i + 1); i++)
        {
            if (context.WordAt(i) is "is" or "was" or "were" or "been" or "got" or "has"
                && context.WordAt(i + 1) is var done && (done is "done" or "over" or "recorded" or "cancelled" or "canceled" or "finished" or "booked" or "scheduled" or "set"
                    or "moved" or "postponed" or "uploaded" or "shared" or "ended"))
            {
                return true;
            }
        }

        // "we got on a video call": the verb is read before the whole noun phrase, not only before its last word (huddle21).
        while (start > 0 && (CallShapes.IsMedium(context.WordAt(start - 1)) || context.WordAt(start - 1) is "a" or "an" or "quick" or "short" or "brief" or "fast" or "little"))
        {
            start--;
        }

        for (var i = start - 1; i >= 0 && start - i <= 3 && !context.ClauseBreakBetween(i, start); i--)
        {
            if (context.WordAt(i) is "not" or "no" or "dont" or "didnt" or "wont" or "never" or "without" or "had" or "was" or "were" or "did" or "got" or "held" or "took"
                or "jumped" or "hopped" or "spoke" or "talked" or "chatted" or "joined" or "ran" or "finished" or "wrapped")
            {
                return true;
            }
        }

        return false;
    }

    // "nach dem Webex gestern", "tadi udah ngobrol via zoom", "hôm qua gọi rồi": a call word in the same
    // clause as, and at most three words from, a word of the language files' call-past list is a report.
    // English past is read above, by its verbs; the list holds the other languages' (docs/rules.md, "Reports and reasons").
    private static bool Reported(in RuleContext context, PhraseMatch call)
    {
        if (!context.Has(PhraseLists.CallPastIndex))
        {
            return false;
        }

        foreach (var past in context.Matches)
        {
            if (past.List == PhraseLists.CallPastIndex
                && ((past.End <= call.Start && call.Start - past.End < 3 && !context.ClauseBreakBetween(past.Start, call.Start))
                    || (past.Start >= call.End && past.Start - call.End < 3 && !context.ClauseBreakBetween(call.End - 1, past.Start))))
            {
                return true;
            }
        }

        return false;
    }

    private Finding GrammarFinding(in RuleContext context, IReadOnlyList<string> requests)
    {
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
                : CallGrammar.ComesOver(context, out proposal) ? [proposal]
                : CallGrammar.TalksLive(context, out proposal) ? [proposal]
                : MediumQuestion.Asks(context, out proposal) ? [proposal]
                : Together.Proposes(context, out proposal) ? [proposal]
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
                && !CallShapes.WantedBySomeoneElse(context, match.Start) && !Reported(context, match) && !CallsItADay(context, match) && !SyncsAThing(context, match)
                && !CallsBackSomeoneElse(context, match))
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

    // "let's sync the live site after the deploy", "sync up the calendars" (huddle21): syncing things, not people.
    private static bool SyncsAThing(in RuleContext context, PhraseMatch match) =>
        match.End < context.Words.Length && context.WordAt(match.End - 1) is "sync" or "up" && context.WordAt(match.End - 1 - (context.WordAt(match.End - 1) is "up" ? 1 : 0)) is "sync"
        && context.WordAt(match.End) is "the" or "a" or "an" or "my" or "our" or "your" or "their" or "its" or "these" or "those" or "all" or "both" or "every" or "each";

    // "I'll call back the courier", "ring back the supplier" (huddle21): a call to someone else, not this discussion moved.
    // "let's call him together tonight", "shall we call her this evening?" (huddle24): a third person called, not the reader.
    private static bool CallsBackSomeoneElse(in RuleContext context, PhraseMatch call) =>
        (call.End + 1 < context.Words.Length && context.WordAt(call.End) is "back" && context.WordAt(call.End + 1) is "the" or "a" or "an" or "our" or "their" or "his" or "her" or "that" or "this")
        || (call.End < context.Words.Length && context.WordAt(call.End - 1) is "call" or "ring" or "phone" or "buzz" && context.WordAt(call.End) is "him" or "her" or "them");

    // "let's call it a day", "call it quits" (huddle20c): an idiom of stopping, not a call.
    private static bool CallsItADay(in RuleContext context, PhraseMatch match) =>
        match.End + 1 < context.Words.Length && context.WordAt(match.End - 1) is "call" && context.WordAt(match.End) is "it"
        && context.WordAt(match.End + 1) is "a" or "quits" or "done" or "off";

    // "the on-call rota", "the video recording": a call word that names something else, not a medium;
    // "phone call", "video meeting": the noun goes on, and the longer noun is judged on its own.
    private static bool ModifiesANoun(in RuleContext context, PhraseMatch noun) =>
        noun.End < context.Words.Length && context.WordAt(noun.End) is "from" or "call" or "meeting" or "rota" or "rotation" or "schedule" or "shift" or "week" or "engineer" or "duty"
            or "person" or "list" or "pager" or "handover" or "log" or "logs" or "notes" or "recording" or "link" or "invite" or "board" or "room"
            or "memo" or "message" or "note" or "mail";

    // "who do we call?", "do you have zoom?": "do" before its subject is an auxiliary, not the verb of a proposal.
    private static bool IsAuxiliary(in RuleContext context, PhraseMatch verb) =>
        verb.End < context.Words.Length && context.WordAt(verb.Start) is "do" && verb.Length == 1 && context.WordAt(verb.End) is "we" or "you" or "i" or "they" or "u";

    // "make a call on the vendor", "make the call" decide; "make a short call about the scrap rate", "make a fast
    // call", "make a meeting with the supplier" propose: only "make (a|the) call" with nothing between decides.
    private static bool MakesADecision(in RuleContext context, PhraseMatch verb, PhraseMatch noun) =>
        context.WordAt(verb.Start) is "make" && context.Phrases.PhraseText(noun.PhraseId) is "call" or "a call"
        && (noun.Start == verb.End || (noun.Start == verb.End + 1 && context.WordAt(verb.End) is "a" or "the" or "that" or "this" or "your" or "our" or "my"));

    // "the resident insists on a face-to-face meeting": someone else's wish, not the author's proposal;
    // "ayer lo hablamos en persona": a report of one.
    // "pop over to the kitchen and pick up the samples" (huddle21): a visit for an errand.
    private static bool InPersonNotProposed(in RuleContext context)
    {
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.InPersonIndex && !CallShapes.WantedBySomeoneElse(context, match.Start) && !Reported(context, match)
                && !(context.WordAt(match.Start) is "come" or "stop" or "drop" or "swing" or "pop" or "walk" && CallGrammar.RunsAnErrand(context, match.End)))
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
            if (CallShapes.IsMedium(word) || word is "bridge")
            {
                medium = true; // "bridge?": the incident bridge (huddle21)
            }
            else if (word is not ("quick" or "short" or "fast" or "brief" or "a" or "pls" or "please" or "now" or "rn") && !MessageShapes.IsTime(word))
            {
                return false;
            }
        }

        return medium && (context.Features & TextFeatures.Question) != 0;
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
            if (verb.List != PhraseLists.CallVerbsIndex || IsAuxiliary(context, verb) || CallShapes.WantedBySomeoneElse(context, verb.Start) || Reported(context, verb))
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
