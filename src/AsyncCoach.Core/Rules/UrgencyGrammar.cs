namespace AsyncCoach.Core.Rules;

/// <summary>
/// What a demand for speed does, read as a small grammar rather than more phrases (docs/rules.md
/// "Decided", sixth pass): asking someone to hurry or rush a thing, to get it expedited or
/// fast-tracked, saying the sooner the better, or urging pace ("chop chop", "get a move on"). Verbs
/// count in their base form only (a request), or as a past participle after "get", "have" or "be"
/// ("get the order expedited", "can this be fast-tracked"); "we expedited it last week" reports.
/// Also a reading that makes an urgency word not a demand: a standing procedure under a condition
/// ("if the alarm goes off, call the vet immediately"); a word quoted to talk about it is
/// <see cref="UrgencyMention"/>'s.
/// </summary>
internal static class UrgencyGrammar
{
    private static readonly WordGrammar Demands = new(
        // The sooner the better: "the sooner the better on the invoice", "faster the better".
        "the? sooner|faster|quicker|earlier the better",

        // Urging pace: "chop chop", "get a move on", "step on it", "pick up the pace", "at the double".
        "chop chop",
        "get|gets a move on",
        "step on it",
        "pick up the pace",
        "at|on the double",
        "double quick|time",
        "no time to lose|waste",
        "drop everything",

        // A manner of speed closed by a request word: "reset my password quickly pls", "fast please".
        "quickly|fast|quick|quicker|faster|soonest please|pls|plz",
        "get a wiggle on",
        "without any|further|more delay|delays",

        // Asking for priority or a place in the queue (eleventh pass): "can you make this a priority",
        // "bump this up the queue please", "move it to the front of the queue".
        "make|treat it|this|that|these|those|them|the|my|our|his|her|their #word? #word? a|top|the? priority",
        "bump|move|push|put it|this|that|these|those|them|the|my|our|his|her|their #word? #word? up|to|at the? top|front? of? the|your|ur queue|pile",

        // Asking for a quick answer or turnaround (thirteenth pass): "appreciate a quick turnaround on this", "need a prompt
        // reply"; "thanks for the quick turnaround" thanks, and "need a quick look / fix" asks for something small, not fast.
        "appreciate|appreciated|need|needs|want|require|requesting|request|expecting|expect|please|pls|kindly a|an|your|some? quick|fast|speedy|rapid|prompt|swift turnaround|response|reply|answer|decision",

        // It cannot wait: "please escalate this, it can't wait" (not "can't wait to see you").
        "it|this|that|these|those|which cant|cannot|wont wait",
        "it|this|that|these|those|which can|will not wait",

        // Acting fast: "move fast on the refund", "act quickly on the complaint".
        "move|act|react|respond fast|quickly|quick|swiftly",

        // Calling it pressing, however intensified: "it's pretty pressing", "this is getting really pressing".
        "its|thats|it|this|that is? getting? pretty|really|very|quite|super|kinda|rather|fairly|extremely|somewhat|increasingly|a|bit* pressing",

        // Asking for priority: "kindly prioritize my dispute", "can you prioritise the refund", "need you to prioritize this".
        "please|pls|plz|kindly prioritize|prioritise|priorotize",
        "can|could|would you|u please|pls|plz|kindly? prioritize|prioritise",
        "need|want you|u to prioritize|prioritise",

        // Idioms of urgency: "time is of the essence", "every minute counts", "drop what you're doing".
        "time is of the essence",
        "every minute|second|hour counts|matters",
        "drop what|whatever you|youre|ur are? doing",

        // A manner of speed, read as "immediately" is (a demand only in a clause that asks, eleventh pass):
        // "should be dispatched with immediate effect", "could you get them over as fast as you can".
        "with immediate effect",
        "as fast|quick|quickly|speedily|early as you|u can|could",
        "as fast|quick|quickly|speedily|early as you|u are able",
        "as fast|quick|quickly|speedily|early as possible|poss",

        // As soon as the reader is able (not "as soon as you're back": that names when, a trigger).
        "as soon as you|u are|re? able",
        "as soon as youre|ur able",
        "as soon as you|u get|have a chance",

        // Calling it an emergency: "it's an emergency!!", "this is a real emergency".
        "its|it|this|thats|that is? a|an real|genuine|absolute|total? emergency",

        // Hurrying: "hurry pls", "please hurry up", "hurry up with the plan".
        "please|pls|plz? hurry up?",

        // Rushing or expediting a thing (base form: a request): "please rush the results", "expedite the order".
        "please|pls|plz|kindly? rush|expedite|fasttrack",
        "please|pls|plz|kindly? fast track",

        // …done to it: "get the order expedited", "can this be fast-tracked", "needs expediting".
        "get|have|be|been|being|needs|need it|this|that|these|those|them|the|order|request|application|claim|form? #word? #word? #word? #word? expedited|rushed|fasttracked|expediting",
        "get|have|be|been|being it|this|that|these|those|them|the? #word? #word? fast tracked");

    // Every demand above holds one of these words: a message without one (nearly all) is passed over
    // with one bit test (WordCues; this runs on every message without a listed urgency phrase).
    private static readonly WordGrammar Anchors = new(
        "sooner|faster|quicker|earlier|chop|move|step|pace|double|lose|waste|everything|hurry|rush|rushed|expedite|expedited|expediting|fasttrack|fasttracked|track|tracked|wait|quickly|quick|fast|swiftly|speedily|early|effect|soonest|wiggle|delay|delays|priority|queue|pile|emergency|pressing|prioritize|prioritise|priorotize|essence|counts|matters|drop|able|chance|speedy|rapid|prompt|swift");

    /// <summary>The first demand for speed in the message as (start, end) words, or (0, 0).</summary>
    public static (int Start, int End) FindDemand(in RuleContext context)
    {
        // Anchors is one slot of words, so its cue is those words: the engine's one cue pass has already looked for them.
        if (!Anchors.Consulted(context))
        {
            return (0, 0);
        }

        for (var i = 0; i < context.Words.Length; i++)
        {
            var end = Demands.Match(context, i);
            if (end > 0 && !IsNounUse(context, i))
            {
                return (i, end);
            }
        }

        return (0, 0);
    }

    /// <summary>Whether the demand at <paramref name="start"/> is a manner of speed ("with immediate effect", "as fast as you can").</summary>
    public static bool IsManner(in RuleContext context, int start) =>
        context.WordAt(start) is "with" || (context.WordAt(start) is "as" && start + 1 < context.Words.Length && context.WordAt(start + 1) is not "soon");

    // "the morning rush", "in a hurry", "a rush job is fine", "no rush": a noun, not a request.
    private static bool IsNounUse(in RuleContext context, int start) =>
        start > 0 && context.WordAt(start) is "rush" or "hurry" && !context.ClauseBreakBetween(start - 1, start)
        && context.WordAt(start - 1) is "a" or "the" or "no" or "any" or "in" or "morning" or "evening" or "lunch" or "holiday" or "christmas" or "sugar";

    /// <summary>
    /// Whether the clause holding word <paramref name="start"/> follows a condition on something other
    /// than the reader: "if the fridge alarm goes off, call the duty vet immediately", "whenever a
    /// patient falls, page the nurse right away" — a standing procedure, not a demand now. A condition
    /// on the reader ("if you can, send it asap", "when you see this, call me right away") still demands.
    /// </summary>
    public static bool IsConditionalProcedure(in RuleContext context, int start)
    {
        var clause = start;
        while (clause > 0 && !context.ClauseBreakBetween(clause - 1, clause))
        {
            clause--;
        }

        // The condition is the clause itself ("call the vet immediately if …" is IsTriggered's) or the one before it.
        var condition = clause;
        if (!OpensCondition(context, condition))
        {
            if (clause == 0)
            {
                return false;
            }

            condition = clause - 1;
            while (condition > 0 && !context.ClauseBreakBetween(condition - 1, condition))
            {
                condition--;
            }

            if (!OpensCondition(context, condition))
            {
                return false;
            }
        }

        for (var i = condition; i < start; i++)
        {
            if (context.WordAt(i) is "you" or "u" or "ya" or "youre" or "ur" or "your" or "yall" or "possible" or "poss" or "can")
            {
                return false;
            }
        }

        return true;
    }

    private static bool OpensCondition(in RuleContext context, int i) =>
        i < context.Words.Length
        && (context.WordAt(i) is "if" or "whenever" or "should" or "anytime"
            || (context.WordAt(i) is "in" && i + 1 < context.Words.Length && context.WordAt(i + 1) is "case")
            || (context.WordAt(i) is "every" or "each" && i + 1 < context.Words.Length && context.WordAt(i + 1) is "time"));
}
