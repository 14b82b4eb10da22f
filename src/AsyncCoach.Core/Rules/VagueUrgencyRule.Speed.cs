namespace AsyncCoach.Core.Rules;

/// <summary>Speed demanded in words no urgency list holds (<see cref="VagueUrgencyRule"/>).</summary>
public sealed partial class VagueUrgencyRule
{
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

    // "pranhab pranhab", "pya'e pya'e", "myan myan", "ipapo ipapo", "vite vite", "sharp sharp": a word said twice at the edge of
    // a request presses, in whatever language it is written (fourteenth pass). Not a greeting, a laugh, a knock or an intensifier
    // ("hi hi", "haha", "really really"), not slowness or smallness ("pole pole", "small small"), not a word some list already
    // reads (a greeting "ahlan ahlan", a listed "asap asap"), not inside a word ("anak-anak", ":tada::tada:"), not in a message
    // that asks a question ("ma ma, ah lote myar lar?"), and only where a request's pace is said: opening the message or a
    // clause, or closing one ("khop jai lai lai for covering my shift" thanks in the middle of its clause). The check costs one
    // length comparison a word, so it needs no cue: no word list can gate a doubled unknown word.
    private static string? DoubledWord(in RuleContext context)
    {
        var words = context.Words;
        for (var j = 1; j < words.Length; j++)
        {
            if (words[j].Length != words[j - 1].Length || words[j].Length < 2 || !context.WordAt(j).SequenceEqual(context.WordAt(j - 1)))
            {
                continue;
            }

            var word = context.WordAt(j);
            if (context.ClauseBreakBetween(j - 1, j) || context.IsGlued(j) || context.IsGlued(j - 1) || word.ContainsAnyInRange('0', '9') || IsNotPace(word)
                || context.Message.Text.Contains('?') || IsRead(context, j - 1, j + 1))
            {
                continue;
            }

            var opens = j - 1 == 0 || context.ClauseBreakBetween(j - 2, j - 1);
            var closes = j + 1 == words.Length || context.ClauseBreakBetween(j, j + 1)
                || (j + 2 <= words.Length && context.WordAt(j + 1) is "pls" or "please" or "plz" or "eh" or "o" or "oh" or "na" or "lah" or "ya" or "ah" or "bro" or "boss" or "sir"
                    && (j + 2 == words.Length || context.ClauseBreakBetween(j + 1, j + 2)));
            if ((!opens && !closes) || UrgencyNegation.IsNegated(context, j - 1) || IsReported(context, j - 1) || UrgencyMention.IsMentioned(context, j - 1, j + 1)
                || UrgencyStance.IsPromise(context, j - 1) || UrgencyGrammar.IsConditionalProcedure(context, j - 1))
            {
                continue;
            }

            return $"{word} {word}";
        }

        return null;
    }

    // A phrase of any list covers the pair: it is read as what that list says ("ahlan ahlan" greets).
    private static bool IsRead(in RuleContext context, int start, int end)
    {
        foreach (var match in context.Matches)
        {
            if (match.Start < end && match.End > start)
            {
                return true;
            }
        }

        return false;
    }

    // Doubled words that greet, laugh, knock, agree, intensify, count, or ask for slowness or a little at a time.
    private static bool IsNotPace(ReadOnlySpan<char> word) =>
        word is "hi" or "hey" or "hello" or "hallo" or "yo" or "ha" or "haha" or "he" or "hehe" or "lol" or "no" or "nah" or "yes" or "ya" or "yeah" or "ok"
            or "okay" or "bye" or "very" or "really" or "so" or "too" or "much" or "many" or "more" or "small" or "little" or "bit" or "slowly" or "slow" or "same"
            or "one" or "each" or "again" or "well" or "good" or "knock" or "thanks" or "thank" or "now" or "there" or "hear" or "tick" or "bla" or "blah"
            or "pole" or "polepole" or "kidogo" or "dheere" or "thoda" or "alon" or "pelan" or "sikit" or "sedikit" or "despacio" or "doucement" or "piano"
            or "langsam" or "pian" or "step" or "by" or "la" or "le" or "the" or "a" or "and" or "or" or "de";

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
