using AsyncCoach.Core.Model;
using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>missing-context: an addressed message that is only greetings, availability checks, an empty "quick question" or a bare urgency flag.</summary>
public sealed class MissingContextRule(NakedModel? model) : IRule
{
    /// <summary>The evidence of a finding the grammars did not make but <see cref="NakedModel"/> did (never the message's words).</summary>
    public const string ModelEvidence = "(model: reads as an ask for contact with no topic)";

    private static readonly string[] ModelEvidenceList = [ModelEvidence];

    /// <summary>The rule with the embedded <see cref="NakedModel"/> as a second reader.</summary>
    public MissingContextRule()
        : this(NakedModel.Default)
    {
    }

    // Lists whose phrases say nothing about the purpose; a naked message is covered by them entirely.
    // A deadline says when, not what: "urgent, need you by 3pm" states no purpose.
    private static readonly int FillerLists = Mask(
        PhraseLists.GreetingIndex, PhraseLists.AddressIndex, PhraseLists.AvailabilityIndex, PhraseLists.QuickQuestionIndex,
        PhraseLists.BareUrgencyIndex, PhraseLists.PolitenessIndex, PhraseLists.CallRequestIndex, PhraseLists.InPersonIndex,
        PhraseLists.DeadlineIndex, PhraseLists.BareCallIndex);

    // Address and politeness words alone ("please", "team") are not a greeting or an ask to complete.
    private static readonly int SubstanceLists = Mask(
        PhraseLists.GreetingIndex, PhraseLists.AvailabilityIndex, PhraseLists.QuickQuestionIndex,
        PhraseLists.BareUrgencyIndex, PhraseLists.CallRequestIndex, PhraseLists.InPersonIndex, PhraseLists.BareCallIndex);

    // A message this short is read for what it does even with no listed phrase ("sorry for disturbing, may i ask one thing").
    private const int ShortMessage = 12;

    public const string Suggestion =
        "Friendly tip: put the greeting, the context, your ask and when you need it in one message. " +
        "Then they can answer in one go, even if they only see it later.";

    public string Id => RuleIds.MissingContext;

    /// <summary>The second reader, or null when the grammars decide alone.</summary>
    public NakedModel? Model => model;

    public Finding? Evaluate(in RuleContext context)
    {
        if (!context.IsAddressed)
        {
            return null;
        }

        if (!context.IsNaked)
        {
            // The grammars found a topic; the model may still read a short message as an ask for
            // contact worded in a way they do not know ("is this a bad time?").
            return ModelSaysNaked(context) ? context.CreateFinding(Id, ModelEvidenceList, Suggestion) : null;
        }

        var evidence = new List<string>();
        foreach (var list in (ReadOnlySpan<int>)[PhraseLists.GreetingIndex, PhraseLists.AvailabilityIndex, PhraseLists.QuickQuestionIndex, PhraseLists.BareUrgencyIndex, PhraseLists.CallRequestIndex, PhraseLists.InPersonIndex, PhraseLists.BareCallIndex])
        {
            foreach (var phrase in context.Evidence(list))
            {
                if (!evidence.Contains(phrase))
                {
                    evidence.Add(phrase);
                }
            }
        }

        if (evidence.Count == 0)
        {
            evidence.Add(context.Words.Length == 0 ? "(mention only)"
                : context.Words.Length <= WaveWords && (context.Features & TextFeatures.Question) == 0 && Waves(context) ? WaveEvidence
                : MediumQuestion.Asks(context, out var medium) ? medium : "(mention only)");
        }

        return context.CreateFinding(Id, evidence, Suggestion);
    }

    // The model is a second reader, asked only where the grammars found a topic, and only about a
    // message that asks something of its reader (a question, a "you" or a greeting) and names nothing: no number (a ticket, an asset, a time), no question word asking what
    // is needed ("how can I help?", the contract's complete reply).
    private bool ModelSaysNaked(in RuleContext context)
    {
        if (model is null || context.Words.Length is 0 or > NakedModel.MaxWords
            || (context.Features & (TextFeatures.Link | TextFeatures.Quote | TextFeatures.Code)) != 0)
        {
            return false;
        }

        if ((context.ListMask & GrammarActs) != 0)
        {
            return false; // a call medium or request, a reason for one, or urgency: the call and urgency grammars read those acts
        }

        if (context.Has(PhraseLists.WithdrawalIndex) || SentAstray(context) || OffersToTheGroup(context))
        {
            return false; // "Guten Morgen! Kannst du... sorry, wrong window": the message takes itself back; "milk tea anyone?" offers a thing (thirteenth pass)
        }

        var question = (context.Features & TextFeatures.Question) != 0;
        var asks = question || (context.Has(PhraseLists.GreetingIndex) && !IsFarewell(context)); // a question, a greeting or (below) a "you"; a listed word alone ("ping") is the grammars' to read
        for (var i = 0; i < context.Words.Length; i++)
        {
            var word = context.WordAt(i);
            if (word.ContainsAnyInRange('0', '9') || word is "what" or "whats" or "which" or "why" or "how" or "hows" or "who" || IsQuestionWord(word)
                || (word is "que" && (i + 1 == context.Words.Length || context.WordAt(i + 1) is not ("mas" or "tal" or "onda" or "pasa" or "hubo" or "hay")))
                || (i + 1 < context.Words.Length && IsAboutWord(word) && !IsMomentNoun(context.WordAt(i + 1)))
                || (i + 1 < context.Words.Length && word is "the" or "my" or "your" or "our" or "his" or "her" or "their" or "these" or "those"
                    or "el" or "le" or "il" or "les" or "los" or "las" or "des" or "del" or "gli" or "der" or "das" or "het" && !IsMomentNoun(context.WordAt(i + 1))))
            {
                return false; // a number, a question word, a thing named by its determiner ("have you got the keys?", "quelqu'un a vu les clés ?") or what it is about ("quick question about Luna's dose") is a topic
            }

            if (IsUnread(word))
            {
                return false; // a word in a script the lists do not read (Hangul, Cyrillic, Devanagari…): the model would judge the message by its Latin remainder
            }

            asks |= word is "you" or "u" or "ya" or "yall" or "anyone" or "anybody";
        }

        return asks && !GreetingThenStatement(context) && model.IsNaked(context.Text, context.Words, question, context.Message.Kind.IsDirect());
    }

    // "what" and "who" in the languages the sets meet, accents folded ("¿qué necesitas?", "čo potrebuješ?",
    // "kto má kľúč od skladu?"): a question that asks what is needed or who has a thing names its topic
    // (twelfth pass). Not the words that are also something else ("was", "cosa", "qui", "apa", "kya").
    // Thirteenth pass, the same class in more of the languages workplaces write (not "kim", also a name; not "ne", "ra",
    // "lan", "koi", also other words): Swahili nani / nini, Uzbek and Turkish kimda / kimde / kimin / nima, Chinese pinyin
    // shei / shenme, Haitian kiyes / kisa, Bulgarian kakvo, Slovenian kaj, Georgian vin.
    private static bool IsQuestionWord(ReadOnlySpan<char> word) =>
        word is "quien" or "quienes" or "cual" or "cuales" or "quoi" or "wat" or "wer" or "co" or "czego" or "kto" or "khto"
            or "kdo" or "chto" or "shto" or "siapa" or "kaun"
            or "nani" or "nini" or "kimda" or "kimde" or "kimin" or "nima" or "nimani" or "shei" or "shenme" or "kiyes" or "kisa" or "kakvo"
            or "kaj" or "vin";

    // "about" and its kin: what follows is the topic. Thirteenth pass: the same word in more languages (Uzbek "bo'yicha",
    // "haqida", Turkish "hakkında", Swahili "kuhusu", Indonesian "tentang", Slovenian "glede", German "über", "bezüglich"…);
    // not French "sur" or Italian "su", which are also "on" ("appel sur Teams ?").
    private static bool IsAboutWord(ReadOnlySpan<char> word) =>
        word is "about" or "regarding" or "re" or "concerning" or "wrt" or "abt" or "bzgl" or "sobre" or "acerca" or "riguardo" or "concernant"
            or "ueber" or "uber" or "bezuglich" or "betreffend" or "omtrent" or "angaende" or "kuhusu" or "hakkinda" or "boyicha" or "haqida" or "tentang"
            or "mengenai" or "glede" or "otnosno" or "naschet" or "dotyczace" or "ohledne";

    // "sorry, wrong window", "wrong chat lol": the message says it was sent astray. Read here, not listed under
    // `withdrawal`: every list is a feature of the huddle model, whose weights would move (thirteenth pass).
    private static bool SentAstray(in RuleContext context)
    {
        for (var i = 0; i + 1 < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "wrong" && context.WordAt(i + 1) is "window" or "chat" or "channel" or "thread" or "person" or "dm" or "group" or "tab")
            {
                return true;
            }
        }

        return false;
    }

    // "milk tea anyone?", "pizza anyone?", "xiawu cha, coffee anybody?": a thing then "anyone?" closing the message is
    // an offer to the group, not a check on who is there ("anyone around?", "is anyone in?" put the word first).
    private static bool OffersToTheGroup(in RuleContext context)
    {
        var words = context.Words;
        var last = words.Length - 1;
        if (last < 1 || context.WordAt(last) is not ("anyone" or "anybody" or "any1") || context.ClauseBreakBetween(last - 1, last))
        {
            return false;
        }

        var first = context.ClauseStart(last - 1);

        for (var i = first; i < last; i++)
        {
            if (IsSecondPerson(context.WordAt(i)) || context.WordAt(i) is "is" or "are" or "r" or "has" or "have" or "got" or "can" or "could" or "will"
                or "would" or "free" or "around" or "about" or "here" or "there" or "in" or "online" or "available" or "awake" or "up")
            {
                return false; // "is anyone", "free anyone?": who is there, asked
            }
        }

        return last - first <= 3;
    }

    // "hi, lunch?", "wah gwaan bredda, di invoice fi Kingston deh pon di drive", "Günaydın Ayşe Hanım, kargo
    // yarın mı çıkıyor?", "hi there, I'm back": a greeting, then after a clause break a clause that addresses
    // no one. That clause is the request or the news itself, so the model is not asked (twelfth pass); a
    // greeting then "you around?" / "anyone in?" still is. A bare greeting has no such clause.
    private static bool GreetingThenStatement(in RuleContext context)
    {
        var greetingEnd = 0;
        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.GreetingIndex && match.Start == 0)
            {
                greetingEnd = Math.Max(greetingEnd, match.End);
            }
        }

        var words = context.Words;
        if (greetingEnd == 0 || greetingEnd >= words.Length)
        {
            return false;
        }

        var clause = greetingEnd;
        while (clause < words.Length && !context.ClauseBreakBetween(clause - 1, clause))
        {
            clause++; // the names and titles after the greeting: "Günaydın Ayşe Hanım,"
        }

        if (clause >= words.Length)
        {
            return false;
        }

        for (var i = clause; i < words.Length; i++)
        {
            if (IsSecondPerson(context.WordAt(i)) || (i > clause && context.ClauseBreakBetween(i - 1, i)))
            {
                return false; // the reader addressed, or more than one clause ("hello, sorry to disturb, can talk?")
            }
        }

        // One word asked ("lunch?") is a thing; a clause of four words or more is a statement or a
        // question about something ("kargo yarın mı çıkıyor?"); "I'm back" is news about the author.
        // Two or three words may be how they are asked in a language the lists lack ("sibuk ka?",
        // "itt vagy még?", "habari za kazi?"): the model reads those.
        var length = words.Length - clause;
        return length == 1 || length >= 4 || context.WordAt(clause) is "i" or "im" or "ive" or "ill" or "we" or "were" or "weve";
    }

    // The reader addressed ("you", "anyone"), in English and the pronouns of the languages the lists read.
    private static bool IsSecondPerson(ReadOnlySpan<char> word) =>
        word is "you" or "u" or "ya" or "yu" or "ye" or "yall" or "youre" or "ur" or "anyone" or "anybody" or "someone" or "any1"
            or "du" or "tu" or "vous" or "usted" or "voce" or "vc" or "jij" or "ty" or "vy" or "sie" or "ikaw" or "kamu" or "anda" or "aap" or "tum";

    // "have a great evening!": a parting wish whose only greeting word is inside it asks nothing (eleventh pass).
    private static bool IsFarewell(in RuleContext context) =>
        ContactGrammar.Farewell(context, 0) is var end and > 0 && !ListSubstanceOutside(context, 0, end);

    // Letters of a script other than Latin (Vietnamese's Latin Extended Additional is read).
    private static bool IsUnread(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c >= '\u0370' && (c < '\u1E00' || c > '\u1EFF') && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly int GrammarActs = Mask(
        PhraseLists.CallNounsIndex, PhraseLists.CallRequestIndex, PhraseLists.CallReasonIndex, PhraseLists.UrgencyIndex, PhraseLists.BareCallIndex);

    // "at your desk", "a bit of your time", "the morning": a moment or a place of work, not a topic.
    private static bool IsMomentNoun(ReadOnlySpan<char> word) =>
        word is "minute" or "minutes" or "min" or "mins" or "moment" or "mo" or "sec" or "secs" or "second" or "bit" or "time" or "day"
            or "morning" or "afternoon" or "evening" or "week" or "weekend" or "desk" or "office";

    /// <summary>
    /// Whether the text states no purpose: only greetings, pleasantries, availability checks, an empty
    /// "quick question", a bare urgency flag or a call request, in any combination (the names of the
    /// people it reaches may appear too), or nothing but a mention. A link counts as content; an
    /// emoji-only message is a reaction-like acknowledgement, not a naked ask.
    /// </summary>
    public static bool IsNaked(in RuleContext context)
    {
        if ((context.Features & (TextFeatures.Link | TextFeatures.Quote | TextFeatures.Code)) != 0)
        {
            return false; // a link, a quote or a pasted log carries the content
        }

        var words = context.Words;
        if (words.Length == 0)
        {
            return (context.Features & TextFeatures.UserMention) != 0 && (context.Features & TextFeatures.Emoji) == 0;
        }

        if (words.Length <= WaveWords && (context.Features & TextFeatures.Question) == 0 && Waves(context))
        {
            return true; // "gamarjoba :wave:", "salam 3alaikum 👋": a wave says hello in every language; a word or two beside it is the hello or a name
        }

        var question = (context.Features & TextFeatures.Question) != 0;
        if (question && IsShortCallQuestion(context))
        {
            return true; // "telefonieren wir kurz?", "videollamada ahorita?": a call asked for in any language, no room for a topic
        }

        // A live call asked for and nothing else ("wanna hop on a call?", "may i call u", "10 mins on
        // zoom?", "need 2 min on the phone"): the call's own words and the glue of a request are filler
        // (ninth pass). Not with a reason, a declined or a scheduled meeting: those are about something.
        // Nor about "this": "let's take this offline and do a quick call" moves the discussion at hand.
        var callAct = words.Length <= CallActWords && (context.ListMask & CallAsks) != 0 && (context.ListMask & CallVetoes) == 0 && !HasReferent(context);
        if ((context.ListMask & SubstanceLists) == 0 && !question && !callAct
            && (words.Length > ShortMessage || !(ContactGrammar.MayStartAt(context, 0) || context.WordAt(0) is "hope" or "hoping" or "trust" || ContactGrammar.Wish(context, 0) > 0
                || (words.Length > 1 && context.ClauseBreakBetween(0, 1) && ContactGrammar.MayStartAt(context, 1)))))
        {
            return false; // nothing that greets or asks, no question shape to look for, and too long to be only an ask for contact
        }

        var substance = false; // an act the grammars read (a check-in, a wish, a hello); the lists' phrases are counted at the end
        var farewellEnd = -1;
        var farewellStart = -1; // the first parting wish: a greeting word inside it ("have a great evening") greets no one
        var callSeen = false;
        var deadline = -1; // whether the message has a deadline (-1: not yet read)

        Span<bool> reachable = words.Length <= 256 ? stackalloc bool[words.Length + 1] : new bool[words.Length + 1];
        reachable[0] = true;
        var matches = context.Matches;
        var m = 0;
        var greetingEnd = -1;
        for (var p = 0; p < words.Length; p++)
        {
            while (m < matches.Length && matches[m].Start < p)
            {
                m++;
            }

            if (!reachable[p])
            {
                continue;
            }

            var advanced = false;
            for (var k = m; k < matches.Length && matches[k].Start == p; k++)
            {
                if (callAct && (CallAsks & (1 << matches[k].List)) != 0)
                {
                    reachable[matches[k].End] = true;
                    advanced = true;
                    callSeen = true;
                }
                else if (callAct && (matches[k].List == PhraseLists.CallVerbsIndex || matches[k].List == PhraseLists.CallNounsIndex))
                {
                    reachable[matches[k].End] = true;
                    advanced = true;
                }

                if (matches[k].List == PhraseLists.UrgencyIntensifiersIndex && StartsAt(context, PhraseLists.BareUrgencyIndex, matches[k].End)
                    && context.WordAt(p) is not ("that" or "a" or "an" or "at" or "all" or "exactly" or "remotely"))
                {
                    // "sir very urgent pls", "super urgent": how urgent, still no purpose (twelfth pass); the
                    // list's words for "not that / at all urgent" are no intensifier here.
                    reachable[matches[k].End] = true;
                    advanced = true;
                }

                if ((FillerLists & (1 << matches[k].List)) != 0)
                {
                    reachable[matches[k].End] = true;
                    advanced = true;
                    greetingEnd = matches[k].List == PhraseLists.GreetingIndex || (matches[k].List == PhraseLists.AddressIndex && (p == greetingEnd || p == 0))
                        ? Math.Max(greetingEnd, matches[k].End)
                        : greetingEnd; // a title or term of address opens a name too: "Selamat pagi Kak Dewi", "Pak Budi, permisi"
                }
            }

            if (Math.Max(MessageShapes.Pleasantry(context, p), ContactGrammar.Wish(context, p)) is var wish and > 0)
            {
                reachable[wish] = true; // "hope the weekend was restful": a pleasantry, however it is worded
                substance = true;
                greetingEnd = Math.Max(greetingEnd, wish);
                continue;
            }

            // "alright?", "are you in the lab today?", "have you got 5?", "need to talk to you", "ping me
            // when you're back": what the words do, not the words.
            var end = ContactGrammar.OrElsewhere(context, Math.Max(MessageShapes.CheckIn(context, p, question), ContactGrammar.AsksForContact(context, p)));
            end = Math.Max(end, ContactGrammar.SmallTalkAt(context, p));
            if (end > 0)
            {
                reachable[end] = true;
                substance = true;
                greetingEnd = Math.Max(greetingEnd, end);
                continue;
            }

            if (ContactGrammar.SaysHello(context, p) is var hello and > 0)
            {
                reachable[hello] = true; // "just wanted to say hi": a greeting
                substance = true;
                greetingEnd = Math.Max(greetingEnd, hello);
                continue;
            }

            if (ContactGrammar.WhenFree(context, p) is var free and > 0)
            {
                reachable[free] = true; // "Callum, when you've finished the tasting panel, …": when, not what
                continue;
            }

            if (p == greetingEnd && question && HowThere(context, p) is var there and > 0)
            {
                reachable[there] = true; // "Jambo! how's things at camp?", "how are you in the new office?": where they are, not a topic
                continue;
            }

            if (ContactGrammar.Farewell(context, p) is var farewell and > 0)
            {
                reachable[farewell] = true; // "good morning team, have a blessed day": a parting wish, no ask by itself
                if (farewellStart < 0)
                {
                    (farewellStart, farewellEnd) = (p, farewell);
                }

                continue;
            }

            if (ContactGrammar.Apology(context, p) is var apology and > 0)
            {
                reachable[apology] = true; // "apologies for the intrusion": politeness, no ask by itself
                greetingEnd = Math.Max(greetingEnd, apology);
                continue;
            }

            if (!advanced && callAct && (IsCallGlue(context.WordAt(p)) || IsDurationCount(context, p)))
            {
                reachable[p + 1] = true; // "wanna", "can u", "quick", "rn": the glue of a request for a call
                continue;
            }

            if (!advanced && IsDeadlineStart(context.WordAt(p)) && ClauseEnd(context, p) is var clauseEnd && clauseEnd - p <= 5
                && (deadline < 0 ? deadline = Deadlines.HasDeadline(context) ? 1 : 0 : deadline) == 1)
            {
                reachable[clauseEnd] = true; // "ASAP, before the 10am dispatch", "asap pls - within the next hour": when, not what
                continue;
            }

            if (p == 0 && !advanced && words.Length <= ShortMessage && (IsLeadingVocative(context, question)
                || (words.Length > 1 && context.ClauseBreakBetween(0, 1) && IsCapitalised(context.Message.Text, context.WordAt(0)) && !context.WordAt(0).ContainsAnyExcept(Letters))))
            {
                reachable[1] = true; // "coach u about?", "TL can I ask a small question", "lads u around"
                continue;
            }

            if (!advanced && p == greetingEnd && IsTitleBeforeName(context, p))
            {
                reachable[p + 1] = true; // "Dober dan gospa Novak", "hello señora Gutiérrez": a title in any language, then the name
                greetingEnd = p + 1;
                continue;
            }

            if (!advanced && (IsRecipientName(context, context.WordAt(p)) || (p == greetingEnd && (IsNameWord(context, p) || IsVocative(context, p, question)))
                || (p == 0 && StartsAt(context, PhraseLists.AddressIndex, 1) && IsCapitalised(context.Message.Text, context.WordAt(0))) || IsDeadlineGlue(context, p)))
            {
                reachable[p + 1] = true;
                greetingEnd = p == greetingEnd && !IsDeadlineGlue(context, p) ? p + 1 : greetingEnd; // "hi Dr Okafor": a title, then the name ("u about the invoice" names no one)
            }
        }

        substance |= (context.ListMask & SubstanceLists) != 0 && ListSubstanceOutside(context, farewellStart, farewellEnd);
        return ((substance || callSeen) && reachable[words.Length]) || IsNameCalled(context, question);
    }

    // Whether a greeting, an availability phrase or another substance phrase lies outside the words
    // [start, end) of a parting wish ("evening" in "have a great evening!" greets no one; eleventh pass).
    private static bool ListSubstanceOutside(in RuleContext context, int start, int end)
    {
        if (start < 0)
        {
            return true;
        }

        foreach (var match in context.Matches)
        {
            if ((SubstanceLists & (1 << match.List)) != 0 && (match.Start < start || match.End > end))
            {
                return true;
            }
        }

        return false;
    }

    // After a greeting that asks how they are ("how's things", "how are you"), where they are: "at
    // camp", "in Lagos", "over there", "in the new office", to the end of the clause. Not "on" or
    // "with" ("how are things on the Henderson account?" asks about work).
    private static int HowThere(in RuleContext context, int start)
    {
        var words = context.Words;
        if (start + 1 > words.Length || context.WordAt(start) is not ("at" or "in" or "over" or "out" or "down" or "up") || !AskedHow(context, start))
        {
            return 0;
        }

        var i = start + 1;
        if (i < words.Length && context.WordAt(i) is "there" or "here")
        {
            i++;
        }
        else
        {
            if (i < words.Length && context.WordAt(i) is "the" or "your" or "ur" or "a")
            {
                i++;
            }

            var place = 0;
            while (place < 3 && i < words.Length && !context.ClauseBreakBetween(i - 1, i) && !context.WordAt(i).ContainsAnyExcept(Letters)
                && context.WordAt(i) is not ("with" or "about" or "re" or "and" or "for" or "to" or "of"))
            {
                i++;
                place++;
            }

            if (place == 0)
            {
                return 0;
            }
        }

        return i == words.Length || context.ClauseBreakBetween(i - 1, i) ? i : 0;
    }

    // Whether the clause before word <paramref name="end"/> opens with "how" ("how's things", "how are you").
    private static bool AskedHow(in RuleContext context, int end)
    {
        for (var i = end - 1; i >= 0 && i >= end - 4; i--)
        {
            if (context.WordAt(i) is "how" or "hows")
            {
                return true;
            }

            if (i > 0 && context.ClauseBreakBetween(i - 1, i))
            {
                return false;
            }
        }

        return false;
    }

    // A question of at most three words that asks for a live medium in a clause with no English function word
    // (MediumQuestion: a tool's name, a form of "telephone", a language file's call word): "telefonieren wir kurz?",
    // "videollamada ahorita?". Three words leave no room for a topic beside the medium, a pronoun and a
    // "quickly"; a number, a name or a thing the medium names ("zoom link?") is content (thirteenth pass).
    private static bool IsShortCallQuestion(in RuleContext context)
    {
        var words = context.Words;
        if (words.Length > ShortCallWords || (context.ListMask & CallVetoes) != 0)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (context.WordAt(i).ContainsAnyInRange('0', '9') || IsAboutWord(context.WordAt(i)) || (i > 0 && IsCapitalised(context.Message.Text, context.WordAt(i))))
            {
                return false; // a number, a name, or what the call is about ("videollamada sobre presupuesto?")
            }
        }

        return MediumQuestion.Asks(context, out _);
    }

    private const int ShortCallWords = 3;

    // The most words beside a wave read as a greeting, and the evidence of such a finding (never the words).
    private const int WaveWords = 2;
    private const string WaveEvidence = ":wave:";

    // A wave (":wave:", "👋") beside words that are no thanks, farewell or answer ("thanks 👋", "bye :wave:", "done 👋"
    // close a conversation; a listed greeting is read anyway). Emoji alone stays an acknowledgement (Decided).
    private static bool Waves(in RuleContext context)
    {
        var text = context.Message.Text.AsSpan();
        if (!text.Contains(":wave:", StringComparison.Ordinal) && !text.Contains("\U0001F44B", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "thanks" or "thank" or "thx" or "ty" or "tysm" or "cheers" or "bye" or "byee" or "cya" or "later" or "night" or "gn"
                or "done" or "ok" or "okay" or "k" or "yes" or "yep" or "no" or "nope" or "sure" or "np" or "welcome" or "see" or "you" or "u")
            {
                return false;
            }
        }

        return true;
    }

    // "gospa Novak", "batono Giorgi", "señor Pérez": a short lower-case word closing the greeting's clause with the
    // capitalised name after it is a title, in any language (thirteenth pass). Only right after a greeting.
    private static bool IsTitleBeforeName(in RuleContext context, int index)
    {
        var words = context.Words;
        if (index + 1 >= words.Length || context.ClauseBreakBetween(index, index + 1)
            || (index + 2 < words.Length && !context.ClauseBreakBetween(index + 1, index + 2)))
        {
            return false;
        }

        var title = context.WordAt(index);
        return title.Length is > 1 and <= 7 && !title.ContainsAnyExcept(Letters) && !IsCapitalised(context.Message.Text, title)
            && IsCapitalised(context.Message.Text, context.WordAt(index + 1));
    }

    // The longest message read as a bare request for a call.
    private const int CallActWords = 10;

    // A call asked for (a listed request or a bare medium: "hop on a call", "zoom"); "live" or "meet" alone is a call noun only.
    private static readonly int CallAsks = Mask(PhraseLists.CallRequestIndex, PhraseLists.BareCallIndex);

    private static bool HasReferent(in RuleContext context)
    {
        for (var i = 0; i < context.Words.Length; i++)
        {
            if (context.WordAt(i) is "this" or "that" or "it" or "these" or "those")
            {
                return true;
            }
        }

        return false;
    }

    private static readonly int CallVetoes = Mask(PhraseLists.CallReasonIndex, PhraseLists.CallDeclinedIndex, PhraseLists.ScheduledMeetingIndex);

    // The words of a request for a call that say nothing of its topic: who, a modal, how short, when.
    private static bool IsCallGlue(ReadOnlySpan<char> word) =>
        word is "can" or "could" or "shall" or "should" or "may" or "might" or "would" or "wanna" or "want" or "to" or "we" or "i" or "u"
            or "you" or "ya" or "us" or "me" or "a" or "an" or "quick" or "quickie" or "short" or "brief" or "little" or "fast" or "on" or "onto"
            or "in" or "into" or "for" or "now" or "rn" or "later" or "soon" or "today" or "tonight" or "tmrw" or "tomorrow" or "need" or "lets"
            or "let" or "pls" or "please" or "plz" or "up" or "real" or "min" or "mins" or "minute" or "minutes" or "sec" or "secs" or "few"
            or "couple" or "of" or "maybe" or "free" or "able";

    // "10 mins", "2 min": a number that counts minutes or seconds ("need 2 people on chat" asks for people).
    private static bool IsDurationCount(in RuleContext context, int index) =>
        context.WordAt(index) is { Length: 1 or 2 } word && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1])
        && index + 1 < context.Words.Length && context.WordAt(index + 1) is "min" or "mins" or "minute" or "minutes" or "sec" or "secs";

    private static bool IsDeadlineStart(ReadOnlySpan<char> word) => word is "before" or "within" or "by" or "until" or "till" or "no";

    // The word after the clause that holds word <paramref name="index"/>.
    private static int ClauseEnd(in RuleContext context, int index)
    {
        var end = index + 1;
        while (end < context.Words.Length && !context.ClauseBreakBetween(end - 1, end))
        {
            end++;
        }

        return end;
    }

    // "Rafa?", "Sam??": a name alone, asked: a ping by name, as naked as a bare mention.
    private static bool IsNameCalled(in RuleContext context, bool question) =>
        question && context.Words.Length == 1 && IsCapitalised(context.Message.Text, context.WordAt(0));

    // One word of address before what the message does ("coach u about?", "TL can I ask a small
    // question pls", "lads u around"): a name, a role or a group, not a topic, when the rest is an ask
    // for contact.
    private static bool IsLeadingVocative(in RuleContext context, bool question)
    {
        if (context.Words.Length < 2 || context.WordAt(0).ContainsAnyExcept(Letters) || context.WordAt(0).Length > 12)
        {
            return false;
        }

        return MessageShapes.CheckIn(context, 1, question) > 0 || ContactGrammar.AsksForContact(context, 1) > 0;
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    // "morning founders", "hey design", "hi nurses": one word after a greeting that ends the message
    // (not a question) names who is greeted; it is not a topic.
    private static bool IsVocative(in RuleContext context, int index, bool question)
    {
        // "hey night team": a second word may follow when it is an address word ("team", "crew", "all").
        // The greeting's clause may end before the message does: "Good morning all estate staff, hv a
        // nice day" (what follows must still be filler).
        var end = ClauseEnd(context, index);
        var last = end == index + 1 || (end == index + 2 && EndsAt(context, PhraseLists.AddressIndex, end));
        if (question || !last)
        {
            return false;
        }

        foreach (var c in context.WordAt(index))
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // A title, a name, or a group greeted in another language ("Guten Morgen zusammen", "hola a todos" is listed).
    private static bool IsNameWord(in RuleContext context, int index) =>
        context.WordAt(index) is "dr" or "mr" or "mrs" or "ms" or "prof" or "doc" or "sir" or "madam" or "engr" or "zusammen" or "leute" or "ihr" or "tutti"
            or "ragazzi" or "chicos" or "chicas" or "amigos" or "wszystkim" or "panstwo" or "allemaal" or "anh" or "chi" or "em" or "ban"
        || IsCapitalised(context.Message.Text, context.WordAt(index));

    // "hi Sam", "morning Priya", "Hi Inés": a capitalised word right after a greeting is a name, not a topic.
    private static bool IsCapitalised(ReadOnlySpan<char> raw, ReadOnlySpan<char> word)
    {
        if (raw.Contains(word, StringComparison.OrdinalIgnoreCase))
        {
            return IsCapitalisedAsWritten(raw, word);
        }

        // The word as normalised has its accents folded ("ines"): look for it letter by folded letter.
        for (var start = 0; start + word.Length <= raw.Length; start++)
        {
            if ((start == 0 || !char.IsLetterOrDigit(raw[start - 1])) && char.IsUpper(raw[start]) && FoldedEquals(raw.Slice(start, word.Length), word)
                && (start + word.Length == raw.Length || !char.IsLetterOrDigit(raw[start + word.Length])))
            {
                return word.Length < 2 || char.IsLower(raw[start + 1]);
            }
        }

        return false;
    }

    private static bool FoldedEquals(ReadOnlySpan<char> raw, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (MessageText.Fold(raw[i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCapitalisedAsWritten(ReadOnlySpan<char> raw, ReadOnlySpan<char> word)
    {
        var from = 0;
        while (from < raw.Length && raw[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase) is var at and >= 0)
        {
            var start = from + at;
            var end = start + word.Length;
            if ((start == 0 || !char.IsLetterOrDigit(raw[start - 1])) && (end == raw.Length || !char.IsLetterOrDigit(raw[end])))
            {
                return char.IsUpper(raw[start]) && (word.Length < 2 || char.IsLower(raw[start + 1]));
            }

            from = end;
        }

        return false;
    }

    // "by 3pm", "before 5", "at 10": a time says when, not what.
    private static bool IsDeadlineGlue(in RuleContext context, int index)
    {
        var word = context.WordAt(index);
        if (word is "by" or "before" or "at" or "am" or "pm" or "latest" or "the")
        {
            return true;
        }

        return word.Length <= 4 && word.Length > 0 && char.IsAsciiDigit(word[0]) && (word[^1] is 'm' || word.Length <= 2);
    }

    // "Murat bey", "Elif Hanım", "Don Raúl": a name and a title (either order) open the message.
    private static bool StartsAt(in RuleContext context, int list, int start)
    {
        foreach (var match in context.Matches)
        {
            if (match.List == list && match.Start == start)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsAt(in RuleContext context, int list, int end)
    {
        foreach (var match in context.Matches)
        {
            if (match.List == list && match.End == end)
            {
                return true;
            }
        }

        return false;
    }

    private static int Mask(params ReadOnlySpan<int> lists)
    {
        var mask = 0;
        foreach (var list in lists)
        {
            mask |= 1 << list;
        }

        return mask;
    }

    // "hi Sam, got a minute?" in Sam's DM: a name is no more content than "hi".
    private static bool IsRecipientName(in RuleContext context, ReadOnlySpan<char> word)
    {
        if (!context.Message.Kind.IsDirect())
        {
            return false;
        }

        var members = context.Conversation.Members;
        for (var i = 0; i < members.Count; i++) // an indexer, not foreach: no boxed enumerator per word
        {
            var member = members[i];
            if (member != context.Message.Author
                && context.Context.People.TryGetValue(member, out var person)
                && person.DisplayName is { Length: > 0 } name)
            {
                // Any word of the display name, punctuation aside: "Dr. Okafor" gives "dr" and "okafor".
                foreach (var range in name.AsSpan().SplitAny(' ', '.', ',', '-'))
                {
                    if (name.AsSpan()[range].Equals(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
