namespace AsyncCoach.Core.Rules;

/// <summary>
/// What a proposal of a live talk does, as a small grammar (docs/rules.md "Decided", fourth pass):
/// ringing someone by any name ("give us a bell", "a quick ring", "a tinkle"), being free to call,
/// meeting up ("shall we all meet", "dial in", "find time to meet"), pulling people into a call, or
/// coming over to the author's place. Read alongside the phrase lists and the verb-noun shape.
/// </summary>
internal static class CallGrammar
{
    private static readonly WordGrammar Proposals = new(
        // Ringing by any name: "give us a bell", "give me a quick ring", "I'll give you a tinkle".
        // Not "give us a shout": that asks to be told, in any medium (huddle20b).
        "give|gimme|giv me|us|you|u|ya|him|her|them? a|an quick|quickie|short|fast|brief|little? ring|bell|call|buzz|tinkle|phone|video",

        // Free to call: "free to hop on zoom?"; free to talk is below (it needs a topic).
        "free|available|around to call|huddle|zoom|meet|jump|hop|ring|phone|dial",

        // Meeting up: "shall we all meet at the gate", "shall we all dial in", "could we find time to meet".
        "shall|should|can|could|lets|let|why we|us all|both? not? meet|gather|dial|regroup|huddle|convene up|in?",
        "find|make|set|block|grab a|some? time|slot to meet|talk|call|chat|speak|sync|connect|huddle",

        // Pulling people in: "gonna pull you both into a teams room", "let me add you to a zoom".
        "pull|drag|bring|add|get|invite you|u|both|everyone|them|all|yall* into|in|onto|on|to a|my|the|our? quick? teams|zoom|meet|call|huddle|bridge|room|hangout|webex|skype|discord",

        // Coming over: "stop by my bench", "swing round to my desk", "pop over to our lab".
        "stop|swing|come|pop|drop|pass|walk|head by|over|round|across to? my|our #word",

        // Joining the author's room or link: "hop into the meet link", "join my webex room", "come into my teams room".
        "join|hop|jump|come|pop|get on|in|into|onto? my|our|the|a|an zoom|meet|teams|webex|whereby|skype|discord|huddle|video|google? meet? room|link|bridge",

        // Asking to be pulled in (huddle21): "pull me into a teams room with the vendor", "get us on a call with the carrier".
        "pull|drag|bring|get me|us into|onto|on|in a|an quick|short? teams|zoom|meet|call|huddle|bridge|video|webex|skype|discord|hangout",

        // A medium judged easier than writing (huddle21): "I think a quick teams would be easier than this thread",
        // "a 10 min call might be quicker". "a call was easier" reports.
        "a|an quick|short|brief|fast|live|#num? min|mins|minute? call|huddle|zoom|teams|meet|video|facetime|phone|webex|skype|conversation would|will|might|could|may|is|seems|sounds be? easier|quicker|faster|simpler|better|best",

        // Something short and live judged easier than writing (huddle23), whatever it is called: "a quick visio with the Dutch buyer
        // would be easier than this email chain", "a short walkthrough might be quicker than typing it all out".
        "a|an quick|short|brief|fast|live #word #word? #word? #word? #word? would|will|might|could|may be easier|quicker|faster|simpler|better than this|the|all|these|typing|writing|texting|messaging|email|emails|slack|going|explaining|chat|dms|messages|thread|threads|back",

        // Sharing a screen is live (huddle23): "easier if I share my screen and show you the bug, 5 mins?", "can you screen share and walk
        // me through…". "when I share my screen, Teams crashes" and "I shared my screen" are read in Proposes and by the past form.
        "share my|the|your|our screen|screens",
        "screen share|sharing",
        "screenshare|screensharing",

        // A medium named after a proposing opener (huddle20c): "how about a quick teams about…", "anyone free
        // for a quick Teams about…", "can we have a short call to decide…", "shall we WhatsApp call with…", "let's just zoom it".
        "how|what about a|an quick|short|brief|fast? teams|zoom|call|huddle|meet|video|facetime|whatsapp|hangout",
        // huddle24: the medium may name the call's tool first ("anyone free for a quick WhatsApp call about…").
        "free|available|around for a|an quick|short|brief|fast? whatsapp|video|zoom|phone|teams|facetime|skype|voice|signal|telegram? call|huddle|zoom|teams|meet|video|facetime|hangout|ring",
        "shall|should|can|could|lets|let|why we|us? all|both? have|hold a|an quick|short|brief|fast|little? meeting|call|huddle|zoom|video",
        "shall|should|can|could|lets|let|why we|us? all|both? whatsapp|video|zoom|phone|teams|facetime|skype call",
        "lets|shall|should|can|could we? just? zoom|facetime|skype|whatsapp|teams it|this",

        // Syncing or meeting on a medium, a bridge spun up (huddle20c): "can we sync on a call about…", "shall we
        // meet over zoom", "spin up a bridge with me on…". Not "sync the live site": only these media.
        "lets|let|shall|should|can|could|why we|us? all|both? quickly|just? sync|meet up? on|over|via a|the? quick|short? call|zoom|teams|meet|video|phone|huddle|hangout|webex|skype|discord|facetime",
        "spin up a|an|the? quick|short? bridge|zoom|call|huddle|teams|meet|webex");

    // "free to talk about the wet-lease?", "around to talk through the plan?": with no topic ("u free to
    // chat?") an availability check only, like "can we talk?" (huddle20b).
    private static readonly WordGrammar FreeToTalk = new("free|available|around to talk|chat|speak");

    // Meeting up by other verbs (fifth pass), read on every message: no call word need be present.
    private static readonly WordGrammar Meetings = new(
        // Finding time together (fifth pass): "let's find 15 minutes", "can we carve out half an hour",
        // "shall we grab 20 mins". "we": a joint activity; "find 15 minutes to complete the training" is a task.
        "lets|let|shall|should|can|could|why we|us? all|both? find|grab|carve|block|take|set|book|schedule|have|get out|aside? a|an|half|some|few|couple|of|#num* minutes|mins|min|minute|hour|hours|hr|hrs|mo|moment",

        // Getting together, sitting down together: "let's get together this afternoon", "we should sit down and…".
        "lets|let|shall|should|can|could|why|we should|can|could|must|we|us? all|both? get together",
        "lets|let|shall|should|can|could|why|we should|can|could|must|we|us? all|both? sit down",

        // Sitting together (huddle22): "let us all sit together in the conference hall and go through…". Only after an
        // opener that proposes: "we sit together in the open plan" describes.
        "lets|let|shall|should|can|could|why we|us? all|both? sit together",

        // Bringing people together in one place or on one line (huddle20b): "let's get stage management
        // and LX together in the green room", "can we get the three of us on a video later", "let's get
        // you, me and wardrobe on the phone", "can we all get round a table tomorrow".
        "lets|let|shall|should|can|could|why we|us|i? all|both? get|bring|gather|pull #word* together",
        // huddle23: "let's get drilling, HSE, logistics and the client rep in a teams room to agree…".
        // huddle24: "let's catch the Otara and Onehunga managers on a zoom to agree…", "leh we pull the leads on a call" (Caribbean "leh" = let).
        "lets|let|leh|shall|should|can|could|why we|us|i? all|both? get|bring|pull|catch #word* on|onto|into|in the|a phone|call|video|zoom|teams|meet|huddle|line|voice",
        "lets|let|shall|should|can|could|why we|us? all|both? get|sit round|around a|the table",
        "lets|let|shall|should|can|could|why we|us|i? all|both? get|bring|gather|pull #word* round|around a|the table");

    // Coming over to a place (huddle20b): "swing past the warehouse", "pop into the office", "pop down
    // to wardrobe", "join us in the QA room", "can I grab you in the prep room". A live talk only with
    // a joint purpose after it (see ComesOver): "pop into the office and grab the keys" is an errand.
    private static readonly WordGrammar Visits = new(
        "pop|swing|stop|drop|come|head|nip|wander|walk|pass|duck into|in|by|past|down|over|round|up|across to|into|by? the|my|our|your? #word",
        "join|meet us|me in|at the|my|our #word",
        "grab|borrow|steal you|u in|at the|my|our #word",

        // Meeting in a place, coming to it, gathering round a thing (huddle20c): "let's meet at the depot at 7 and
        // go through…", "we should meet up and go through…", "kindly come to my cabin…, we will go through…",
        // "let's get round the model at 3 and talk through…", "get everyone round the stillhouse and talk through…".
        "meet up? at|in|by the|my|our|your? #word", // huddle23: "let's all meet in training room 2 at 4 and finalise…"
        "meet up",
        "come|walk|head to my|our|the #word",

        // A room taken for it (huddle21): "let's grab the small studio at 5 and go through…", "can we book a room and hash it out".
        // "get" makes the verb slot common, so the cue (WordCues) is the rarer room slot, not "grab|book".
        "grab|book|get|reserve the|a|an #word? #word? room|studio|boardroom|pod|booth",
        "get|bring|gather|sit #word* round|around the|a|my|our #word");

    // What the visit is for, together: "… and we'll sort out", "… I'll show you", "… want to go through X with you", "… about X".
    private static bool JointPurposeAfter(in RuleContext context, int from)
    {
        for (var i = from; i < context.Words.Length; i++)
        {
            var word = context.WordAt(i);
            if ((word is "well" or "about" or "re" or "regarding" or "together" or "ill" && (word is not "well" || (i > 0 && context.WordAt(i - 1) is "and" or "so")))
                || (word is "we" && i + 1 < context.Words.Length && context.WordAt(i + 1) is "will" or "can" or "could"))
            {
                return true;
            }

            // "… and agree the plan", "… to decide the cut-off" (huddle21): a verb of deciding or talking together.
            if (i + 1 < context.Words.Length && word is "and" or "to" or "n" && IsDeliberation(context.WordAt(i + 1)))
            {
                return true;
            }

            if (i + 1 < context.Words.Length && (word is "show" or "walk" or "talk" && context.WordAt(i + 1) is "you" or "u" or "through" or "it"
                || word is "go" or "run" && context.WordAt(i + 1) is "through" or "over"
                || word is "with" && context.WordAt(i + 1) is "you" or "u"))
            {
                return true;
            }
        }

        return false;
    }

    // "come to the point", "come to the same view" (huddle21): no place, so no visit.
    private static bool IsAbstract(ReadOnlySpan<char> word) =>
        word is "point" or "conclusion" or "end" or "decision" or "same" or "rescue" or "agreement" or "terms" or "light" or "fore" or "party" or "mind" or "realisation"
            or "realization" or "understanding" or "crunch" or "worst" or "best";

    // A visit for an errand, not a talk (huddle21): "pop over to the kitchen and pick up the samples", "swing by and sign the form".
    private static bool IsErrand(ReadOnlySpan<char> word) =>
        word is "pick" or "grab" or "collect" or "fetch" or "get" or "take" or "drop" or "sign" or "bring" or "return" or "borrow" or "leave" or "hand" or "deliver"
            or "give" or "put" or "load" or "unload" or "carry" or "move" or "water" or "feed" or "unlock" or "open" or "print" or "scan";

    /// <summary>
    /// "pop over to the R&amp;D kitchen and pick up the samples", "swing by to sign the form": a visit asked for (an
    /// in-person phrase from <paramref name="from"/>) whose purpose is an errand ("and" / "to" + pick up, grab, sign…)
    /// and which names no joint purpose (see <see cref="JointPurposeAfter"/>): no live talk is proposed (huddle21).
    /// </summary>
    public static bool RunsAnErrand(in RuleContext context, int from)
    {
        if (JointPurposeAfter(context, from))
        {
            return false;
        }

        for (var i = from; i + 1 < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "and" or "to" or "n" && IsErrand(context.WordAt(i + 1)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeliberation(ReadOnlySpan<char> word) =>
        word is "agree" or "decide" or "finalise" or "finalize" or "settle" or "align" or "hash" or "thrash" or "nail" or "discuss" or "confirm" or "plan" or "review"
            or "compare" or "brainstorm" or "chat" or "talk" or "debrief" or "hammer" or "define" or "close" or "lock" or "figure" or "work";

    /// <summary>"swing past the warehouse … and we'll sort out …", "pop down to wardrobe about …": coming over to talk together.</summary>
    public static bool ComesOver(in RuleContext context, out string evidence)
    {
        evidence = "";
        for (var start = Visits.Consulted(context) ? 0 : context.Words.Length; start < context.Words.Length; start++)
        {
            var end = Visits.Match(context, start);
            if (end > 0 && !IsAbstract(context.WordAt(end - 1)) && JointPurposeAfter(context, end))
            {
                var last = Math.Min(end, start + 4) - 1;
                evidence = context.Text[context.Words[start].Start..(context.Words[last].Start + context.Words[last].Length)].ToString();
                return true;
            }
        }

        return false;
    }

    // Talking live (huddle20b): a verb of talking, then in its clause a live manner: "let's talk through
    // the route live", "can we talk it through on the phone?", "can I just explain it verbally?",
    // "shall we have a wee blether on the phone". "we talked it over on the phone" reports (a past form).
    private static bool IsTalk(ReadOnlySpan<char> word) =>
        word is "talk" or "chat" or "speak" or "discuss" or "explain" or "blether" or "natter" or "yarn" or "run" or "go" or "walk";

    private static bool IsLiveManner(in RuleContext context, int i) =>
        context.WordAt(i) is "live" or "verbally" or "irl"
        || (i + 1 < context.Words.Length && context.WordAt(i) is "on" or "over" or "by" or "via" && IsLiveMedium(context.WordAt(i + 1)))
        || (i + 2 < context.Words.Length && context.WordAt(i) is "on" or "over" && context.WordAt(i + 1) is "the" or "a" && (IsLiveMedium(context.WordAt(i + 2)) || context.WordAt(i + 2) is "radio"))
        || (i + 1 < context.Words.Length && context.WordAt(i) is "in" && context.WordAt(i + 1) is "person")
        || (i + 2 < context.Words.Length && context.WordAt(i) is "on" or "over" or "in" && context.WordAt(i + 1) is "a" or "an" && context.WordAt(i + 2) is "call" or "huddle");

    // Every live manner holds one of these words (IsLiveManner, with huddle20c's media after "over"/"on"/"via"):
    // without one, TalksLive is not read (WordCues). "call" and "huddle" are a live manner only after "a" ("go over it on
    // a call", huddle22): "talk on the call" is a call already held or booked (IsLiveMedium).
    private static readonly ulong LiveMannerCue = WordCues.Register(
        ["live", "verbally", "irl", "phone", "voice", "video", "person", "radio",
         "meet", "zoom", "teams", "webex", "facetime", "gmeet", "whereby", "discord", "hangout", "skype", "whatsapp", "call", "huddle"]);

    // "over Meet", "on Teams", "via zoom" (huddle20c), as "on the phone": a medium, but not "call" or "huddle"
    // ("talk on the call" is a call already held or booked).
    private static bool IsLiveMedium(ReadOnlySpan<char> word) => word is not ("call" or "huddle") && CallShapes.IsMedium(word);

    /// <summary>A verb of talking with a live manner in its clause, proposed (not reported).</summary>
    public static bool TalksLive(in RuleContext context, out string evidence)
    {
        evidence = "";
        for (var i = (context.AbsentCues & LiveMannerCue) != 0 ? context.Words.Length : 0; i < context.Words.Length; i++)
        {
            // "run", "go", "walk" talk only as "run through", "go over / through", "walk through" (huddle22: "you free rn to go over the script on a call?").
            if (!IsTalk(context.WordAt(i)) || (context.WordAt(i) is "run" or "walk" && (i + 1 == context.Words.Length || context.WordAt(i + 1) is not "through"))
                || (context.WordAt(i) is "go" && (i + 1 == context.Words.Length || context.WordAt(i + 1) is not ("through" or "over"))))
            {
                continue;
            }

            for (var j = i + 1; j < context.Words.Length && j <= i + 8 && !context.ClauseBreakBetween(i, j); j++)
            {
                if (IsLiveManner(context, j) && !(context.WordAt(j) is "live" && j + 1 < context.Words.Length && context.WordAt(j + 1) is "on" or "in" or "at" or "with" or "stream"))
                {
                    var last = Math.Min(j + (context.WordAt(j) is not ("on" or "over" or "by" or "via" or "in") ? 1 : context.WordAt(j + 1) is "the" or "a" ? 3 : 2), context.Words.Length) - 1;
                    evidence = string.Concat(context.WordAt(i), " … ", context.Text[context.Words[j].Start..(context.Words[last].Start + context.Words[last].Length)]);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"let's find 15 minutes to go over…", "shall we get together", "we should sit down and…": a meeting proposed without a call word.</summary>
    public static bool MeetsUp(in RuleContext context, out string evidence)
    {
        evidence = "";
        if (!Meetings.Find(context, out var start, out var end))
        {
            return false;
        }

        var last = Math.Min(end, start + 4) - 1;
        evidence = context.Text[context.Words[start].Start..(context.Words[last].Start + context.Words[last].Length)].ToString();
        return true;
    }

    // Something broken now (fifth pass): a reason for a call however the failure is worded ("the
    // scanner won't turn on", "the lift is stuck", "the till keeps freezing"); the subject is a thing,
    // not a person ("I can't open the doc" is no outage).
    private static readonly WordGrammar Failures = new(
        "wont|cant|doesnt|didnt|wouldnt|couldnt turn|boot|start|switch|load|open|print|charge|power|respond|connect|work",
        "is|are|got|keeps|keep|getting stuck|jammed|frozen|dead|beeping",
        "keeps|kept crashing|freezing|rebooting|restarting|dropping|beeping|failing",

        // huddle20c: "the label printer's frozen again", "won't restart".
        "frozen|jammed|stuck|crashed|dead|broken again",
        "wont|cant|doesnt|didnt|wouldnt|couldnt restart|reboot",

        // A hazard in progress (huddle21): "the pit wall is cracking", "the ceiling's sagging", "the panel has started sparking".
        "is|are|its|keeps|keep|started|starting|has|have cracking|cracked|collapsing|collapsed|caving|caved|subsiding|sagging|sparking|overheating|smoking|crumbling|buckling");

    // A system down, in the words every language borrows (huddle23): "la prod est down", "das VPN ist down", "el sistema está offline",
    // "server down?". Not "the site team went down to the quay": a place follows.
    private static readonly WordGrammar SystemDown = new(
        "prod|production|site|server|servers|api|app|db|database|network|system|systems|checkout|payments|website|portal|vpn|internet|platform|cluster|gateway|wifi|erp|crm|pos #word? down|offline");

    /// <summary>Whether the message reports a thing that is broken now (a reason that justifies a call).</summary>
    public static bool ReportsAFailure(in RuleContext context)
    {
        for (var start = SystemDown.Consulted(context) ? 0 : context.Words.Length; start < context.Words.Length; start++)
        {
            var end = SystemDown.Match(context, start);
            if (end > 0 && (end == context.Words.Length || context.ClauseBreakBetween(end - 1, end)
                || context.WordAt(end) is not ("to" or "the" or "by" or "from" or "at" or "road" or "street" or "hill" or "stairs" or "there" or "here" or "for")))
            {
                return true;
            }
        }

        for (var start = Failures.Consulted(context) ? 1 : context.Words.Length; start < context.Words.Length; start++)
        {
            // "the rota maths doesn't work for Squad 2" does not suit someone; nothing is broken (huddle20c).
            var end = Failures.Match(context, start);
            if (end > 0 && !(end < context.Words.Length && context.WordAt(end - 1) is "work" && context.WordAt(end) is "for" or "with")
                && context.WordAt(start - 1) is not ("i" or "we" or "you" or "u" or "they" or "he" or "she" or "im" or "were" or "youre" or "theyre"
                    or "am" or "are" or "is" or "be" or "been" or "being" or "was" or "feel" or "feeling" or "get" or "getting" or "got"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first proposal in the message (evidence: its first words), or false.</summary>
    public static bool Proposes(in RuleContext context, out string evidence)
    {
        evidence = "";
        // "free to talk" proposes only with something said after it ("r u free to talk" alone checks availability, huddle20c).
        if (!Proposals.Find(context, out var start, out var end) && (context.IsNaked || !FreeToTalk.Find(context, out start, out end) || end == context.Words.Length))
        {
            return false;
        }

        // "when I share my screen the app freezes", "I can't share my screen" (huddle23): a condition or a failure, no proposal.
        if (context.WordAt(start) is "share" or "screen" or "screenshare" or "screensharing"
            && ((start > 0 && IsConditionOrNegation(context.WordAt(start - 1))) || (start > 1 && IsConditionOrNegation(context.WordAt(start - 2)))))
        {
            return false;
        }

        // "a call would be faster but Tanja is in Tokyo, so here is the list" (huddle23): the comparison conceded, and the text written.
        if (end < context.Words.Length && context.WordAt(end - 1) is "easier" or "quicker" or "faster" or "simpler" or "better" or "best" && context.WordAt(end) is "but")
        {
            return false;
        }

        // "swing by my desk and grab the spare keys" (huddle21): coming over for an errand.
        if (context.WordAt(start) is "stop" or "swing" or "come" or "pop" or "drop" or "pass" or "walk" or "head" && RunsAnErrand(context, end))
        {
            return false;
        }

        var last = Math.Min(end, start + 4) - 1;
        evidence = context.Text[context.Words[start].Start..(context.Words[last].Start + context.Words[last].Length)].ToString();
        return true;
    }

    private static bool IsConditionOrNegation(ReadOnlySpan<char> word) =>
        word is "when" or "whenever" or "cant" or "cannot" or "dont" or "didnt" or "wont" or "not" or "never";

    // "connect for 10 mins", "for a few minutes", "for half an hour" (huddle22): a span of time, not "connect for the data feed".
    private static bool IsTime(ReadOnlySpan<char> word) =>
        word is "a" or "few" or "some" or "half" or "an" or "5" or "10" or "15" or "20" or "30" or "45" or "2" or "3" or "two" or "five" or "ten" or "fifteen" or "twenty" or "thirty";

    /// <summary>"let's connect", "can we connect today?", "let's connect on the launch": a call proposed by "connect", alone or before its topic.</summary>
    public static bool Connect(in RuleContext context)
    {
        for (var i = 1; i < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "connect" && context.WordAt(i - 1) is "lets" or "we" or "us"
                && (i + 1 == context.Words.Length || context.WordAt(i + 1) is "on" or "about" or "re" or "regarding" or "over" or "quickly" or "today" or "tomorrow"
                    or "later" or "now" or "soon" or "sometime" or "this" or "tmrw" or "briefly"
                    || (context.WordAt(i + 1) is "for" && i + 2 < context.Words.Length && IsTime(context.WordAt(i + 2)))))
            {
                return true;
            }
        }

        return false;
    }
}
