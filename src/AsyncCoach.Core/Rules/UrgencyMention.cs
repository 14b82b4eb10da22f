namespace AsyncCoach.Core.Rules;

/// <summary>
/// An urgency word that is mentioned rather than used (docs/rules.md "Decided", seventh pass): it
/// stands inside quotation marks (a forward written inline, someone's words, a title: 'fwd: "call me
/// asap"', 'the episode "ASAP: Life in the Fast Lane"'), it starts a name written in capitals ("new
/// stock of ASAP Nasal Spray"), it is glossed in brackets after a quoted name ('"Brådskande"
/// (urgent)') or it is being defined ("asap = as soon as possible", "urgent means …"). These are read
/// on the text as written, where the quotation marks and capitals still are.
/// </summary>
internal static class UrgencyMention
{
    public static bool IsMentioned(in RuleContext context, int start, int end)
    {
        var raw = context.Message.Text.AsSpan();
        var at = RawOffset(context, start);
        if (at < 0)
        {
            return IsDefined(context, start, end, raw, -1, -1);
        }

        var last = RawOffset(context, end - 1);
        var after = last < 0 ? -1 : last + context.WordAt(end - 1).Length;
        return IsInsideQuotes(raw, at) || IsGloss(raw, at, after) || IsName(context, raw, start, end, at, after) || IsDefined(context, start, end, raw, at, after);
    }

    /// <summary>"high priority: …", "URGENT: …": the word is a label that opens what follows.</summary>
    public static bool FollowedByColon(in RuleContext context, int index)
    {
        var at = RawOffset(context, index);
        var raw = context.Message.Text.AsSpan();
        return at >= 0 && raw[(at + context.WordAt(index).Length)..].TrimStart() is { IsEmpty: false } rest && rest[0] == ':';
    }

    // Where word `index` starts in the text as written: the k-th whole-word occurrence of its
    // normalised form, k counted over the normalised words before it. -1 when the two differ (an
    // accent, an apostrophe): then nothing is read from the raw text.
    internal static int RawOffset(in RuleContext context, int index)
    {
        var word = context.WordAt(index);
        var k = 0;
        for (var i = 0; i < index; i++)
        {
            if (context.WordAt(i).SequenceEqual(word))
            {
                k++;
            }
        }

        var raw = context.Message.Text.AsSpan();
        for (var at = 0; at + word.Length <= raw.Length; at++)
        {
            // Compared as normalisation folds letters, so "Brådskande" is found as "bradskande" (tenth pass).
            if ((at > 0 && char.IsLetterOrDigit(raw[at - 1])) || (at + word.Length < raw.Length && char.IsLetterOrDigit(raw[at + word.Length]))
                || !FoldedEquals(raw.Slice(at, word.Length), word))
            {
                continue;
            }

            if (k-- == 0)
            {
                return at;
            }
        }

        return -1;
    }

    private static bool FoldedEquals(ReadOnlySpan<char> raw, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (Text.MessageText.Fold(raw[i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    // Between an opening and a closing quotation mark. A mark opens after the start, a space or an
    // opening bracket and before a non-space; it closes after a non-space and before the end, a space
    // or punctuation. A straight single quote between two letters is an apostrophe ("who's").
    private static bool IsInsideQuotes(ReadOnlySpan<char> raw, int at)
    {
        var open = -1;
        var kind = '\0';
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!IsQuoteMark(c))
            {
                continue;
            }

            var before = i == 0 ? ' ' : raw[i - 1];
            var next = i + 1 < raw.Length ? raw[i + 1] : ' ';
            if (char.IsLetterOrDigit(before) && char.IsLetterOrDigit(next))
            {
                continue; // an apostrophe
            }

            if (open >= 0 && Family(c) == kind && !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(next))
            {
                if (open < at && at < i)
                {
                    return true;
                }

                open = -1;
            }
            else if (open < 0 && (char.IsWhiteSpace(before) || i == 0 || before is '(' or '[' or ':' or '-' or '—') && !char.IsWhiteSpace(next))
            {
                open = i;
                kind = Family(c);
            }
        }

        return false;
    }

    private static bool IsQuoteMark(char c) => c is '\'' or '"' or '‘' or '’' or '“' or '”' or '«' or '»' or '„';

    private static char Family(char c) => c is '\'' or '‘' or '’' ? '\'' : '"';

    // '"Brådskande" (urgent)': a translation in brackets right after a quoted name.
    private static bool IsGloss(ReadOnlySpan<char> raw, int at, int after)
    {
        if (after < 0 || after >= raw.Length || raw[after] != ')')
        {
            return false;
        }

        var before = raw[..at].TrimEnd();
        if (before.IsEmpty || before[^1] != '(')
        {
            return false;
        }

        before = before[..^1].TrimEnd();
        return !before.IsEmpty && IsQuoteMark(before[^1]);
    }

    // "new stock of ASAP Nasal Spray", "Right Away Couriers": the word written with a capital inside a
    // sentence, then capitalised words (two, or one after a determiner or preposition): a name.
    private static bool IsName(in RuleContext context, ReadOnlySpan<char> raw, int start, int end, int at, int after)
    {
        if (!char.IsUpper(raw[at]) || after < 0)
        {
            return false;
        }

        if (EndsInCompanySuffix(raw, after))
        {
            return true; // "ASAP Logistics Ltd called", "Urgent Wines LLC from Riga sent …" (thirteenth pass)
        }

        if (start == 0 || context.ClauseBreakBetween(start - 1, start))
        {
            return OpensATitle(context, raw, start, end, at, after);
        }

        var capitals = 0;
        for (var i = after; i < raw.Length && capitals < 2;)
        {
            var gap = i;
            while (i < raw.Length && raw[i] == ' ')
            {
                i++;
            }

            if (i == gap || i >= raw.Length || !char.IsUpper(raw[i]))
            {
                break; // punctuation ("URGENT: …") or a lower-case word ends the name
            }

            capitals++;
            while (i < raw.Length && char.IsLetterOrDigit(raw[i]))
            {
                i++;
            }
        }

        return capitals == 2
            || (capitals == 1 && context.WordAt(start - 1) is "of" or "the" or "a" or "an" or "at" or "from" or "by" or "with" or "via" or "our" or "new" or "for");
    }

    // "Urgent Repairs line is now 0300 123 4567", "Right Now Media invoiced us twice": at the start of a clause, an
    // urgency phrase in title case (not capitals: "URGENT Sam" shouts) followed by capitalised words that are no request
    // and then a lower-case word of the same clause names a service, a team or a firm (tenth pass; a run of several
    // capitalised words and a phrase of several words since the thirteenth). "Urgent Help Needed" (no lower-case word)
    // and "Urgent: …" are still read as asking.
    private static bool OpensATitle(in RuleContext context, ReadOnlySpan<char> raw, int start, int end, int at, int after)
    {
        if (at + 1 >= raw.Length || !char.IsLower(raw[at + 1]) || after >= raw.Length || raw[after] != ' ' || end + 1 >= context.Words.Length)
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (RawOffset(context, i) is var word and >= 0 && !char.IsUpper(raw[word]))
            {
                return false; // "Right now …": only the first word capitalised
            }
        }

        var capitals = 0;
        var previous = after;
        for (var j = end; j < context.Words.Length && j - end <= 3 && !context.ClauseBreakBetween(j - 1, j); j++)
        {
            var offset = RawOffset(context, j);
            if (offset <= previous)
            {
                return false;
            }

            previous = offset;
            if (char.IsLower(raw[offset]))
            {
                return capitals > 0;
            }

            if (!char.IsUpper(raw[offset]) || context.WordAt(j) is "please" or "pls" or "need" or "needs" or "needed" or "required" or "can" or "could" or "help"
                or "call" or "i" or "we" or "you" or "send" or "fix" or "reply" or "action" or "request" or "attention" or "issue" or "question" or "update"
                or "asap" or "now" or "today")
            {
                return false;
            }

            capitals++;
        }

        return false;
    }

    // "Urgent Wines LLC", "ASAP Logistics Ltd", "Priority Freight Inc.": capitalised words after the urgency word that end
    // in a firm's legal form name a firm in any language (thirteenth pass). Only spaces may come between the words.
    private static bool EndsInCompanySuffix(ReadOnlySpan<char> raw, int after)
    {
        var i = after;
        for (var words = 0; words < 4; words++)
        {
            var gap = i;
            while (i < raw.Length && raw[i] == ' ')
            {
                i++;
            }

            if (i == gap || i >= raw.Length || !char.IsUpper(raw[i]))
            {
                return false;
            }

            var from = i;
            while (i < raw.Length && (char.IsLetterOrDigit(raw[i]) || raw[i] == '&'))
            {
                i++;
            }

            if (raw[from..i] is "LLC" or "Ltd" or "LTD" or "Inc" or "INC" or "GmbH" or "PLC" or "Plc" or "plc" or "Pty" or "Corp" or "SARL" or "SRL" or "Srl"
                or "Ltda" or "LLP" or "BV" or "NV" or "SpA" or "Oy" or "AG" or "KG" or "SAS" or "ApS")
            {
                return true;
            }
        }

        return false;
    }

    // "asap = as soon as possible" (both sides), "urgent means …", "what does ASAP stand for", "the word urgent".
    private static bool IsDefined(in RuleContext context, int start, int end, ReadOnlySpan<char> raw, int at, int after)
    {
        if ((after >= 0 && raw[after..].TrimStart() is { IsEmpty: false } rest && rest[0] == '=')
            || (at > 0 && raw[..at].TrimEnd() is { IsEmpty: false } before && before[^1] == '='))
        {
            return true;
        }

        return (end < context.Words.Length && !context.ClauseBreakBetween(end - 1, end) && context.WordAt(end) is "means" or "meaning" or "stands" or "stand")
            || (start > 0 && context.WordAt(start - 1) is "word" or "term" or "acronym" or "abbreviation")
            || IsTranslation(context, start, raw, at);
    }

    // 'the word "pranhab" on the sign means urgent', '"dringend" is German for urgent': the urgency word is what another word
    // means (fourteenth pass): straight after "means", "meaning", "translates (as|to)", "is <language> for", in a clause that
    // names a word (quoted, or "word", "term", "sign", "label") before it. "this means urgent work for us" names no word.
    private static bool IsTranslation(in RuleContext context, int start, ReadOnlySpan<char> raw, int at)
    {
        var verb = start - 1;
        if (verb > 0 && context.WordAt(verb) is "as" or "to" or "for" && context.WordAt(verb - 1) is "translates" or "translated" or "translate" or "means" or "german"
            or "french" or "spanish" or "italian" or "english" or "slang" or "khmer" or "thai" or "lao")
        {
            verb--;
        }

        if (verb < 1 || context.ClauseBreakBetween(verb, start) || context.WordAt(verb) is not ("means" or "meant" or "meaning" or "mean" or "translates" or "translated"
            or "translate" or "german" or "french" or "spanish" or "italian" or "english" or "slang" or "khmer" or "thai" or "lao"))
        {
            return false;
        }

        var clause = context.ClauseStart(verb);
        for (var k = clause; k < verb; k++)
        {
            if (context.WordAt(k) is "word" or "words" or "term" or "sign" or "label" or "phrase" or "expression")
            {
                return true;
            }
        }

        // A quotation mark in the text before the urgency word, in its clause's stretch of the text.
        return at > 0 && RawOffset(context, clause) is var from and >= 0 && from < at && raw[from..at].IndexOfAny('"', '“', '«') >= 0;
    }
}
