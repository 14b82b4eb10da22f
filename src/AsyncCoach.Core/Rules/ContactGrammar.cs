namespace AsyncCoach.Core.Rules;

/// <summary>
/// What an availability check does, as a small grammar rather than a list of its wordings
/// (docs/rules.md "Decided", fourth pass): it asks for some of the reader's time, whether they are
/// free, to talk, to ask something not yet said, or to be contacted later, and names no topic. A
/// phrase that matches is filler for missing-context; whatever else the message says still has to
/// be filler too, so a topic ("… to look at the rota") keeps the message complete.
/// </summary>
internal static class ContactGrammar
{
    // Each pattern is one act; words are as normalised (no apostrophes: "youre", "id"; no accents).
    private static readonly WordGrammar Acts = new(
        // Some of your time: "have you got 5?", "do you have a minute to talk?", "when do you have time?", "you got a sec for me?"
        "when|whenever? any? chance? do|did|would|could|will|can|have|got|has? you|u|ya|yall|youve|uve could|can|would|will|might? have|got|get|spare|find|has a|an|few|couple|of|some|the|quick|spare|free|little|bit|more* #num|min|mins|minute|minutes|sec|secs|second|seconds|moment|mo|mom|tick|time|bit|jiffy min|mins|minute|minutes|sec|secs? to|for? talk|chat|speak|me|us|call?",

        // The same with its subject dropped, as chat is written (twelfth pass): "hey, got time for a chat?",
        // "have a sec?"; "got time for the budget review?" names a topic (the match stops at "for").
        "got|have a|an|few|some|quick|spare|free|little|bit|of|#num* min|mins|minute|minutes|sec|secs|moment|mo|time to|for? a|an? quick|short|brief? talk|chat|call|word?",

        // Asked for as the author's to take (thirteenth pass): "may I have a minute of your time?", "could I steal 5 mins?"
        "can|could|may|might i|we have|get|grab|borrow|steal|take a|an|one|few|couple|of|#num* quick|short|brief|spare? min|mins|minute|minutes|sec|secs|second|seconds|moment|mo of? your|ur|yr? time? with? you|u?",
        // "can I pick your brain?": some of your time, in an idiom (thirteenth pass).
        "can|could|may|might i|we? pick your|ur|yr brain|brains",

        // When now would suit, asked (thirteenth pass): "when's a good time to talk?", "when would be the best time to call?";
        // "when's a good time to review the deck?" names a topic (the match stops at "to").
        "when|whens is|would|will|s? it? be? a|the good|best|right|convenient|better time|moment to|for? talk|chat|call|speak|ring|phone?",

        // Whether now suits the reader (twelfth pass): "is it a bad moment?", "is now a good time to talk?".
        // "is this a good time to review the PR?" names a topic (the match stops at "to").
        "is|would|will it|this|now|that be? a|an? bad|good|ok|okay|convenient|inconvenient|right|wrong|better time|moment to|for? talk|chat|call|speak|ring?",

        // Whether you are free: "are you around", "lads u around", "any chance you're free for a bit?", "when will you be back?"
        "when|whenever? any? chance? are|r|will|is? you|u|ya|youre|ur|yr|yall|anyone|anybody|someone|somebody|any1|everyone of? you|u|yall|us? be? still|already|currently? free|busy|available|around|there|about|online|back|awake|up|reachable|here|in",
        "from the|your|ur? lunch|break|holiday|holidays|leave|vacation|meeting|trip|school|site",

        // To talk, no topic: "can u talk?", "could we speak quickly?", "you can talk now?" (either order).
        "can|could|may|shall|should|cn|cud we|i|u|you talk|speak|chat quickly|briefly|privately|real|quick? to|with? you|u|me|ya?",
        // Reaching them by phone, no topic (twelfth pass): "can I phone you quickly?", "could I ring you?"
        "can|could|may|shall|cn|cud i|we phone|ring|call|buzz you|u|ya quickly|briefly|quick|now|rn|later|today?",
        "can|could|may|shall|cn|cud i|we reach|contact you|u|ya by|on|via phone|mobile|cell|whatsapp|telephone",
        "you|u|we can|could talk|speak|chat to|with? me|us?",

        // Wanting to talk: "need to talk to you", "wanna chat?", "I'd like to speak with you".
        "i|we|id|wed|ive? really|would|just? need|needed|want|wanted|wanna|gotta|must|like|love|have|got to? talk|speak|chat to|with? you|u|ya?",

        // An ask announced and not said (thirteenth pass), as an empty "quick question" is: "I have a small request",
        // "can you do me a favour?", "hi, I need some help"; "… a favour and water the plants" says it.
        "i|we? have|got|ive a|an|one|small|little|quick|tiny|big|quick|another* request|favour|favor|ask for? you|u?",
        "can|could|would|will you|u do me|us a|one? small|quick|little|big|huge? favour|favor",
        "a|an|one|small|little|quick|tiny|big|huge* favour|favor|request to ask",
        // Something urgent has come up, not said what (thirteenth pass): "hi, something urgent came up".
        "something|smth|sth urgent|important|serious|big has|just? come|came up",
        "i|we? really|urgently|badly|just? need|needed some|a|little|bit|of* help|hand|assistance|support asap|urgently|now|rn|quick|quickly|pls|please|plz|badly?",
        // …about something not said (thirteenth pass): "I want to discuss something with you", "need to talk about a few things".
        "i|we|id|wed|ive? really|would|just|also? need|needed|want|wanted|wanna|gotta|must|like|have|got to? discuss|talk|speak|chat about|over? something|smth|sth|sthg with|to? you|u|ya?",
        "i|we|id|wed|ive? really|would|just|also? need|needed|want|wanted|wanna|gotta|must|like|have|got to? discuss|talk|speak|chat about|over? a|one|few|couple|of* thing|things with|to? you|u|ya?",

        // A word or a chat: "I need a word", "can I have a quick word?", "fancy a quick chat?"
        "can|could|may? i|we|id? need|want|wanted|like|have|get|grab|fancy a|an|one quick|short|brief|small|little? word|words|chat|natter with? you|u?",

        // Asking to ask, the question not said: "have a question for you", "I have a doubt", "may i ask one thing", "one small query".
        "i|we? have|got|ive|has|gotta a|an|one|some|another|few|couple|of|more* quick|small|little|short|tiny|silly|stupid|random? question|questions|doubt|doubts|query|queries|q|qn|qs|ques|thing|something|smth|sth for|to? ask? you|u|ya|yall?",
        "something|smth|sth|sthg|a|one|few|couple|of* quick|small|little? thing|things|question|questions? to ask|check|clarify with? you|u?",
        "a|one|another|1 quick|small|little|short|tiny|silly? doubt|query|question|q|qn|ques|thing",
        "can|could|may|might i|we ask|disturb|bother|interrupt|steal|borrow|grab|trouble you|u|ya? something|smth|sth|anything? a|an|one|quick|small|little|short|tiny* question|thing|q|query|doubt|moment|minute|sec?",

        // Said, not asked, after a frame: "(I wanted to check if) you are around later" (ninth pass).
        "you|u|ya|yall are|r still|already|currently? free|busy|available|around|about|online|back|reachable",

        // Who is free, asked of a group: "team pls who is available?", "who's around this arvo?" (ninth pass).
        "who|whos|whose is|s|are|r? free|available|around|about|online|reachable",

        // Wanting to ask, the question not said: "I want to ask you something", "wanted to ask u a quick q" (ninth pass).
        "i|we? just|really|also? want|wanted|wanna|would|d|like|to* ask you|u|ya something|smth|sth|anything|a|an|one|quick|small|little|short|tiny* question|thing|q|query|doubt?",

        // Needing the reader, no task said: "need ur help", "need ya asap", "really need your help pls" (ninth pass).
        "i|we? really|urgently|badly|just? need|needed ur|your|yr|ya|you|u help|assistance|support? asap|urgently|now|rn|quick|quickly|pls|please|plz|badly?",

        // Being called back by any name: "give us a shout", "gimme a bell when you're free" (ninth pass).
        "give|gimme us|me? a shout|holler|bell|buzz|call|ring",

        // A live talk with no topic: "let's connect" (a call, in many workplaces' English).
        "lets|let us? connect",

        // To be contacted later: "ping me when you're back", "call me", "can you text me back?", "lmk when you're free".
        "please|pls|plz|kindly|can|could|would|pl? you|u? ping|call|text|message|msg|dm|buzz|ring|reach|contact|phone|hmu me|back",
        "please|pls|plz|kindly? let|lemme me know",
        "please|pls|plz|kindly? lmk",

        // …when the reader is free: "when you have a moment", "whenever you get a chance", "once you're back".
        "when|whenever|once|if you|u|youre|ur|ya are|r|re? get|have|got|find? a|some? free|spare|few? moment|minute|minutes|min|mins|sec|chance|time|free|back|around|available|online|bit|up|in",

        // May I interrupt: "is it ok if I disturb you", "would it be alright to call you".
        "is|would|will? it|that|this? be? ok|okay|alright|fine|possible|cool if|to i|we? disturb|bother|interrupt|call|ping|steal|borrow|grab|ask you|u?",

        // The same acts in the other languages the contract's decisions name (greetings in other
        // languages are naked): some of your time, whether you are free (sixth pass).
        // German: "hast du kurz Zeit?", "haben Sie einen Moment?", "bist du da?"
        "hast|haben|hattest|hättest|hatten|hätten du|sie mal|kurz|gerade|heute|eben|noch* eine|einen|ne|nen|n? zeit|moment|minute|minuten|sekunde|augenblick|minütchen",
        "bist|sind du|sie gerade|kurz|noch? da|frei|erreichbar|verfugbar|verfügbar|online|am platz",
        // Spanish and Portuguese: "tienes un momento?", "tem um minutinho?", "estás libre?", "pode falar?"
        "alguien|usted|vos|tu|alguem|alguém? tienes|tiene|tenes|tendrias|tendrías|tem|tens|teria|terias|voce|você|vc tem? un|una|um|uma|5|2|cinco|dos|dois? momento|momentito|minuto|minutito|minutinho|segundo|rato|tempo|min",
        "estas|estás|esta|está|estais|ta|tá libre|disponible|disponivel|disponível|livre|ocupado|ocupada|ahi|ahí|ai|aí",
        "puedes|podes|pode|podemos|posso hablar|falar|conversar|charlar",
        // Italian: "hai un minuto?", "sei libero?"
        "hai|ha|avresti|avete un|due|5? minuto|momento|attimo|secondo|minutino",
        "sei|siete|è libero|libera|liberi|disponibile",
        // French: "tu as une minute ?", "t'as 5 min ?", "vous avez un moment ?", "t'es dispo ?"
        "tu|vous|t? as|avez|aurais|auriez|tas tu|vous? une|un|deux|5|2? minute|minutes|min|moment|instant|seconde|sec",
        "tu|vous? es|etes|êtes|tes dispo|disponible|libre|la|là",
        // Dutch and Polish: "heb je even tijd?", "masz chwilę?"
        "heb|hebt|heeft je|jij|u even|een|eventjes? tijd|minuutje|momentje|moment|minuut",
        "masz|macie|ma pan|pani? chwile|chwilę|chwilke|chwilkę|minute|minutę|czas",
        // Vietnamese: "anh rảnh không?", "em có rảnh ko" (the pronoun addresses the reader).
        "anh|chi|chị|em|ban|bạn|a|c|e? co|có? ranh|rảnh khong|ko|k|hong|hông?");

    // The same acts in the language files' own words (their "contact" patterns: docs/rules.md, "Other languages").
    private static readonly WordGrammar OtherLanguages = new([.. PhraseBook.Default.ContactPatterns]);

    // Whereabouts: "Are you at the office or out at viewings this morning?", "you out in the paddock or
    // at the shed today?": a second place offered after "or" is still a check on where they are.
    private static readonly WordGrammar OtherPlace = new(
        "or|and still|already|back|out|working? in|at|on|into|near|around|from the|your|ur|our|a? #word? #word? #word?",
        "or|and onsite|offsite|remote|wfh|home|off|away|out",
        "or|and already|just? gone|went|headed|heading|left home|off|out|for|the? day?",

        // The author offering to wait instead (ninth pass): "are you free now or should I come back later?"
        "or|and should|shall|can|do|will i|we come|check|try|ask|circle|ping back|again? later|tomorrow|tmrw|afterwards|then|another|time?");

    // Small talk about something of theirs, asked: "how was the trip to Hanoi?", "how did your
    // holiday go?", "how was ur weekend in Porto". Only the reader's own time away: "how was the client
    // meeting?" asks about work.
    private static readonly WordGrammar SmallTalk = new(
        "how|hows was|were|did|is|are|went? the|your|ur|yr|ya long|big|short|little|last|first|work|family|team|school|ski|beach|road|new? trip|weekend|holiday|holidays|vacation|flight|journey|travels|honeymoon|wedding|birthday|break|leave|hike|festival|concert|party|move|daytrip|staycation|getaway|night|day|shift|week|sleep|evening|baby go|going|been? to|in|at|with|on|around|over? #word? #word?");

    // The same asked in two words (tenth pass): "good weekend?", "nice holiday?"; only in a question ("great trip!" answers).
    private static readonly WordGrammar ShortSmallTalk = new(
        "good|nice|great|fun|lovely|restful|relaxing weekend|holiday|holidays|trip|break|vacation|flight|shift|evening|christmas|easter");

    // A good wish about the message reaching them: "I hope my email finds you well", "trust this note
    // finds you well" (MessageShapes.Pleasantry reads the wishes about the reader's own things).
    private static readonly WordGrammar Wishes = new(
        "i|we? really|just|do? hope|trust|hoping this|my|our|the message|email|mail|note|msg|text|ping finds|reaches|catches you|u|ya|yall|all|everyone well|fine|safe|good|ok|okay|healthy");

    // A parting wish (tenth pass): "have a nice day", "hv a blessed weekend", "enjoy the rest of your shift".
    // Politeness: alone it is a complete farewell (rules-corpus "have a nice weekend!"), after a greeting it adds nothing.
    private static readonly WordGrammar Farewells = new(
        "have|hv|enjoy a|an|the? nice|good|great|blessed|lovely|wonderful|productive|fab|fantastic|restful|safe|brilliant day|weekend|evening|morning|afternoon|week|one|shift|trip|flight",
        "enjoy the rest of your|ur|the day|weekend|evening|afternoon|week|shift");

    /// <summary>The word after a parting wish ("have a nice day") at <paramref name="start"/>, or 0: filler that is no greeting by itself.</summary>
    public static int Farewell(in RuleContext context, int start) => Farewells.Match(context, start);

    // "… when you're done with the dailies", "once you're finished with your call": when the reader is
    // free, named by what they are busy with; a time, not a topic.
    private static readonly WordGrammar WhenDone = new(
        "when|whenever|once|after you|u|youre|youve|uve|ur|ya are|r|re|have? done|finished|through|free|back|off with|from the|your|ur|yr|this|that? #word? #word? #word",
        "when|whenever|once|after you|u|youre|youve|uve|ur|ya have? done|finished the|your|ur|yr|this|that #word #word?");

    // Politeness about the interruption itself: filler that adds nothing, but is no ask on its own
    // ("apologies for the intrusion", "sorry to bother you", "excuse me").
    private static readonly WordGrammar Apologies = new(
        "so|really|very? sorry|apologies|apologise|apologize|pardon|excuse for|to? the|this? disturb|disturbing|disturbance|bother|bothering|interrupt|interrupting|interruption|intrusion|intruding|ping|pinging|trouble|troubling you|u? again|late|here?",
        "excuse|pardon me|the interruption?",
        // For the hour (thirteenth pass): "sorry for the late message", "apologies for the weekend ping".
        "so|really|very? sorry|apologies for|about the|this|my late|early|odd|weekend|night|sunday|saturday message|msg|text|ping|hour",
        "so|really|very? sorry|apologies to|for interrupt|interrupting|disturb|disturbing|bother|bothering your|ur|yr #word #word? #word?");

    // A frame around an ask that adds nothing to it (ninth pass): "I just wanted to check whether you're
    // around", "was wondering if u are free", "hey Sam it's me". Politeness: not an ask by itself, so
    // what follows must still be an ask for contact or filler.
    private static readonly WordGrammar Frames = new(
        "so? i|we|id|wed? just|only|also|really? want|wanted|wanna|would|d|was|were|thought|am|m|like to|like|wondering|hoping* check|see|ask|know|confirm|enquire|inquire|find? out? if|whether",
        "so? i|we|id|wed? just|only|also|really? want|wanted|wanna|would|d|was|were|thought|am|m|like to|like* ask|check",
        "its me|us",
        "it is me|us");

    // Saying hello as the whole point (ninth pass): "just wanted to say hi", "popping in to say hello".
    private static readonly WordGrammar SayHello = new(
        "i|we? just|only|also? want|wanted|wanna|thought|popping|dropping|stopping|d|id|would|like|to|in|by* say hi|hello|hey|hiya|morning|good|hullo|howdy morning|day|afternoon|evening?");

    // Time words after an act: "at the mo", "at some point today", "for a sec".
    private static readonly WordGrammar TimeWords = new(
        "at|for the moment|mo|minute|min",
        "at some point",
        "some|any time|point",
        "sometime|soon|shortly|asap",
        "for some|a time|while|bit");

    /// <summary>The word after a contact act that starts at word <paramref name="start"/> (with any time words, a duration and closing politeness after it), or 0.</summary>
    public static int AsksForContact(in RuleContext context, int start)
    {
        var end = Math.Max(Acts.Match(context, start), OtherLanguages.Match(context, start));
        return end == 0 ? 0 : After(context, end);
    }

    /// <summary>
    /// The word after a good wish at <paramref name="start"/> that MessageShapes.Pleasantry does not read:
    /// one about the message itself ("I hope my email finds you well") or one with its subject said
    /// ("I hope you had a good weekend"); or 0.
    /// </summary>
    public static int Wish(in RuleContext context, int start)
    {
        if (Wishes.Match(context, start) is var wish and > 0)
        {
            return wish;
        }

        return start + 1 < context.Words.Length && context.WordAt(start) is "i" or "we" && context.WordAt(start + 1) is "hope" or "hoping" or "trust"
            ? MessageShapes.Pleasantry(context, start + 1)
            : 0;
    }

    /// <summary>The word after a whereabouts check that ends at <paramref name="end"/> and offers another place ("… or at the shed today"), else <paramref name="end"/>.</summary>
    public static int OrElsewhere(in RuleContext context, int end)
    {
        if (end == 0 || end >= context.Words.Length || OtherPlace.Match(context, end) is not (var other and > 0))
        {
            return end;
        }

        while (other < context.Words.Length && MessageShapes.IsTime(context.WordAt(other)))
        {
            other++;
        }

        return other;
    }

    /// <summary>The word after small talk about the reader's time away ("how was the trip to Hanoi?") at <paramref name="start"/>, or 0.</summary>
    public static int SmallTalkAt(in RuleContext context, int start) =>
        (SmallTalk.Match(context, start) is var talk and > 0 ? talk
            : (context.Features & Text.TextFeatures.Question) != 0 ? ShortSmallTalk.Match(context, start) : 0) is var end and > 0
        && (end == context.Words.Length || context.ClauseBreakBetween(end - 1, end)) ? end : 0;

    /// <summary>Whether a contact act or an apology may start at word <paramref name="start"/> (cheap: no matching).</summary>
    public static bool MayStartAt(in RuleContext context, int start) =>
        Acts.MayStartAt(context, start) || OtherLanguages.MayStartAt(context, start) || Apologies.MayStartAt(context, start) || Frames.MayStartAt(context, start)
        || SayHello.MayStartAt(context, start);

    /// <summary>The word after an apology for interrupting ("sorry to bother you") or a frame around an ask ("I just wanted to check if") at <paramref name="start"/>, or 0.</summary>
    public static int Apology(in RuleContext context, int start) => Math.Max(Apologies.Match(context, start), Frames.Match(context, start));

    /// <summary>The word after a hello that is the message's point ("just wanted to say hi") at <paramref name="start"/>, or 0.</summary>
    public static int SaysHello(in RuleContext context, int start) => SayHello.Match(context, start);

    /// <summary>The word after "when you're done with the dailies" at <paramref name="start"/> closing its clause, or 0: when the reader is free, no topic.</summary>
    public static int WhenFree(in RuleContext context, int start)
    {
        if (WhenDone.Match(context, start) is not (var done and > 0) || done >= context.Words.Length)
        {
            return 0;
        }

        if (context.ClauseBreakBetween(done - 1, done))
        {
            return done;
        }

        // "… when you've finished the tasting panel give us a shout": an ask for contact right after it,
        // with no comma, ends it too; the pattern's last optional word may have taken the ask's first (tenth pass).
        return AsksForContact(context, done) > 0 ? done : done - start > 4 && AsksForContact(context, done - 1) > 0 ? done - 1 : 0;
    }

    private static int After(in RuleContext context, int end)
    {
        while (end < context.Words.Length)
        {
            if (TimeWords.Match(context, end) is var time and > 0)
            {
                end = time;
            }
            else if (MessageShapes.IsTime(context.WordAt(end)))
            {
                end++;
            }
            else if (WhenDone.Match(context, end) is var done and > 0 && (done == context.Words.Length || context.ClauseBreakBetween(done - 1, done)))
            {
                end = done;
            }
            else if (BackFrom(context, end) is var from and > 0)
            {
                end = from; // "are you back from the airstrip?", "quick call when you're back from the lagoon?"
            }
            else
            {
                break;
            }
        }

        return MessageShapes.Duration(context, end);
    }

    // "(back) from the airstrip": where the reader is coming back from, after an act that ends in
    // "back" or "home"; up to three words of place, to the end of the clause or a time word. Read by
    // hand, not as a WordGrammar: it runs only after a matched act, so it needs no cue of its own.
    private static int BackFrom(in RuleContext context, int start)
    {
        var words = context.Words;
        if (start < 1 || start + 1 >= words.Length || context.WordAt(start - 1) is not ("back" or "home") || context.WordAt(start) is not "from")
        {
            return 0;
        }

        var i = start + 1;
        if (context.WordAt(i) is "the" or "your" or "ur" or "yr" or "a" or "an")
        {
            i++;
        }

        var place = 0;
        while (place < 3 && i < words.Length && !context.ClauseBreakBetween(i - 1, i) && !MessageShapes.IsTime(context.WordAt(i))
            && !context.WordAt(i).ContainsAnyExcept(PlaceLetters) && context.WordAt(i) is not ("about" or "re" or "regarding" or "with" or "and" or "to" or "for"))
        {
            i++;
            place++;
        }

        return place > 0 && (i == words.Length || context.ClauseBreakBetween(i - 1, i) || MessageShapes.IsTime(context.WordAt(i))) ? i : 0;
    }

    private static readonly System.Buffers.SearchValues<char> PlaceLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");
}
