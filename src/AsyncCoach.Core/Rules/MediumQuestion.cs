using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// A live medium asked about in a language no phrase file reads (huddle22): "chamada rápida?", "dushobora kuvugana kuri
/// telefoni?", "vai varam sarunāt zoom zvanu ar pircēju…?", "betelephone enawra…?". Read from what is shared across
/// languages, not from one language's words: a question, a tool's name or an international form of telephone / video
/// call, and a clause with no English function word (English is read by the rest of the grammar, which knows its
/// reports, vetoes and things named: "is the zoom link up?", "did the call happen?"). docs/rules.md, huddle22.
/// </summary>
internal static class MediumQuestion
{
    private const int ShortBid = 5;

    /// <summary>Whether a question's clause names a live medium and no English function word; the evidence is the medium as written.</summary>
    public static bool Asks(in RuleContext context, out string evidence)
    {
        evidence = "";

        // The gate is the question mark: a message without one pays one bit test. A message of at most five words is read without
        // one (huddle24): a bid is as often written as a request ("telefonî min bike", "telpon aku sedhela ya", "phone khait lite par").
        // Without one, only as a bid opens: a tool's name or a form of telephone first, as the verb of a request of three to five words,
        // not a language file's meeting word ("riunione soci giovedì ore 18" announces one) nor two words that name a thing or report
        // ("teams update", "skype wala", "telefonu kapattım").
        var question = (context.Features & TextFeatures.Question) != 0;
        if (!question && (context.Words.Length > ShortBid || context.Words.Length < 3 || !IsMedium(context.WordAt(0))))
        {
            return false;
        }

        for (var i = 0; i < context.Words.Length && i < 64; i++)
        {
            var word = context.WordAt(i);
            if (!(IsMedium(word) || (question && IsCallWordOfAFile(context, i))) || (i + 1 < context.Words.Length && !context.ClauseBreakBetween(i, i + 1) && NamesAThing(context.WordAt(i + 1)))
                || (i > 0 && !context.ClauseBreakBetween(i - 1, i) && IsDefinite(context.WordAt(i - 1))) || Negated(context, i))
            {
                continue;
            }

            var start = context.ClauseStart(i);
            var end = context.ClauseEnd(i);

            if (end - start >= 2 && !HasEnglish(context, start, end))
            {
                evidence = word.ToString();
                return true;
            }
        }

        return false;
    }

    // A tool's name (it is the same word in every language) or an international form of telephone or video call:
    // "telefoni", "telefonom", "betelephone", "videollamada", "videohovor", "zoomu". Not "video" or "voice" alone
    // ("new video?"), nor an English form of "zoom" ("zoomed", "zooming").
    // Cost (huddle24): every word of every question comes here, so a word is ruled out by its length and first letter before
    // any search; the three substring searches run only on a word holding "tele". Written as one expression with six
    // `Inflected` calls (huddle23) it was a third of the rule engine's lost 6 % on the benchmark's mixed round.
    internal static bool IsMedium(ReadOnlySpan<char> word)
    {
        if (word.Length < 4)
        {
            return false;
        }

        // huddle24: the forms of Indonesian, Javanese and Malagasy too ("telepon", "telpon aku", "amin'ny telefaonina").
        if (word.Length >= 6 && word.Contains("tel", StringComparison.Ordinal)
            && (word.Contains("telefon", StringComparison.Ordinal) || word.Contains("telephon", StringComparison.Ordinal) || word.Contains("telefoon", StringComparison.Ordinal)
                || word.Contains("telepon", StringComparison.Ordinal) || word.Contains("telpon", StringComparison.Ordinal) || word.Contains("telefaon", StringComparison.Ordinal)))
        {
            return true;
        }

        return word[0] switch
        {
            'm' => word is "meet" || Inflected(word, "meet"),
            'g' => word is "gmeet",
            'z' => word is "zoom" || (word.Length is > 4 and < 8 && word.StartsWith("zoom", StringComparison.Ordinal) && !word.EndsWith("ed", StringComparison.Ordinal)
                && !word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("s", StringComparison.Ordinal)),
            'c' => word is "call",
            'h' => word is "huddle" or "hangout",
            't' => word is "teams" || Inflected(word, "teams"),
            'w' => word is "webex" or "whatsapp" or "whereby" || Inflected(word, "webex") || Inflected(word, "whatsapp"),
            'f' => word is "facetime",
            'p' => word is "phone",
            's' => word is "skype" || Inflected(word, "skype"),
            'd' => word is "discord" || Inflected(word, "discord"),
            'v' => word.Length > 6 && word.StartsWith("video", StringComparison.Ordinal) && !word.StartsWith("videos", StringComparison.Ordinal)
                && !word.StartsWith("videog", StringComparison.Ordinal),
            _ => false,
        };
    }

    // A tool's name with a case ending of its own language (huddle23): "na teamsih" (Slovenian), "prie meet'o" (Lithuanian), "v skypu",
    // "na webexu". An ending of one to three letters, not an English one ("meets", "meeting", "teamster"), nor a genitive in "-n"
    // ("Discordin automod-sääntöjä?", Finnish: the tool's rules, a thing).
    private static bool Inflected(ReadOnlySpan<char> word, string stem) =>
        word.Length > stem.Length && word.Length <= stem.Length + 3 && word.StartsWith(stem, StringComparison.Ordinal) && !word.EndsWith('n')
        && word[stem.Length..] is not ("s" or "es" or "ed" or "er" or "ers" or "ing" or "ter" or "ly");

    // A call word of a language file, one word of five letters or more ("chamada", "ringe", "bellen", "anruf", "samtal"),
    // and not one of English's words for a place or a gathering ("office", "bench", "speak", "connect", "bridge"): the files name the call in
    // their language; the question and the clause say it is asked for. Shorter ones are too often another language's
    // word ("ses", "ara", "liga", "suna").
    private static bool IsCallWordOfAFile(in RuleContext context, int word)
    {
        if (!context.Has(PhraseLists.CallWordsIndex) || context.WordAt(word).Length < 5)
        {
            return false;
        }

        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.CallWordsIndex && match.Start == word && match.Length == 1
                && context.WordAt(word) is not ("shout" or "bridge" or "voice" or "video" or "tinkle" or "phone" or "speak" or "gather" or "regroup" or "convene"
                    or "bench" or "office" or "connect"))
            {
                return true;
            }
        }

        return false;
    }

    // "pas besoin de Teams pour ça ?", "bez zoomu?", "oggi niente call": a negator of any language file (the files share
    // one list of them, `urgency-negators`) up to three words before the medium, in its clause, declines it.
    private static bool Negated(in RuleContext context, int word)
    {
        if (!context.Has(PhraseLists.UrgencyNegatorsIndex))
        {
            return false;
        }

        foreach (var match in context.Matches)
        {
            if (match.List == PhraseLists.UrgencyNegatorsIndex && match.End <= word && word - match.End < 3 && !context.ClauseBreakBetween(match.Start, word))
            {
                return true;
            }
        }

        return false;
    }

    // "¿alguien tiene el teléfono del mecánico?", "hast du die Teams-Nummer?": a definite article or a possessive before the
    // medium names a thing (a phone, its number, a tool's account), as "the" does in English; a proposal names a call
    // indefinitely ("una videollamada", "un call", "per teams"). The closed class of the common Latin-script languages.
    private static bool IsDefinite(ReadOnlySpan<char> word) =>
        word is "el" or "la" or "los" or "las" or "le" or "les" or "il" or "lo" or "der" or "die" or "das" or "dem" or "den" or "het" or "del" or "al" or "du" or "au"
            or "mi" or "tu" or "su" or "mon" or "ton" or "son" or "ma" or "ta" or "mein" or "dein" or "sein" or "meu" or "teu" or "seu" or "mio" or "tuo" or "suo";

    // "zoom link?", "phone number?", "call recording?": the medium names a thing, not a talk. The number by its shared
    // root too ("telefon numarası", "número", "Nummer", "nomor").
    private static bool NamesAThing(ReadOnlySpan<char> next) =>
        next.StartsWith("num", StringComparison.Ordinal) || next.StartsWith("nom", StringComparison.Ordinal) ||
        next is "link" or "links" or "invite" or "room" or "recording" or "notes" or "details" or "id" or "code" or "password" or "app" or "channel"
            or "account" or "licence" or "license" or "bill" or "battery" or "charger" or "screen" or "quality" or "audio" or "logs" or "log" or "summary" or "minutes"
            or "agenda" or "center" or "centre" or "credit" or "plan" or "case" or "settings" or "background";

    // English function words (closed classes: auxiliaries, pronouns, determiners, prepositions, wh-words) and a past
    // participle: where one is, the clause is English and the rest of the grammar reads it. Words that are function
    // words in other languages too ("a", "i", "in", "me", "no", "on", "to", "so") are left out.
    private static bool HasEnglish(in RuleContext context, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var word = context.WordAt(i);
            if (word is "the" or "is" or "are" or "was" or "were" or "be" or "been" or "do" or "does" or "did" or "can" or "could" or "will" or "would" or "shall" or "should"
                or "have" or "has" or "had" or "we" or "you" or "u" or "it" or "its" or "this" or "that" or "these" or "those" or "of" or "for" or "with" or "about" or "at"
                or "my" or "our" or "your" or "us" or "and" or "or" or "but" or "if" or "not" or "who" or "what" or "when" or "where" or "why" or "how" or "which" or "just"
                or "please" or "pls" or "lets" or "let" or "there" or "any" or "all" or "both" or "other" or "from" or "by" or "into" or "up" or "out" or "get" or "got"
                or "any" or "anyone" or "someone" or "everyone" or "ok" or "okay" or "yes" or "yet" or "still" or "again" or "also" or "too" or "than" or "then"
                or "he" or "she" or "they" or "them" or "his" or "her" or "their" or "am" or "im" or "ill" or "dont"
                or "need" or "want" or "done" or "over" or "off" or "an" || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
