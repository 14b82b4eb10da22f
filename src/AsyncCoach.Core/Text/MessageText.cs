using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Text;

/// <summary>
/// Slack message text as the rules match it (RULES.md): mentions, emoji codes, links and
/// punctuation removed, <c>&amp;amp;</c>/<c>&amp;lt;</c>/<c>&amp;gt;</c> unescaped, lower case.
/// The result is the words separated by single spaces, with one space before and after, so a
/// phrase matches as <c>" phrase "</c>. Apostrophes join ("what's" → "whats") so contractions
/// stay one word.
/// </summary>
public static class MessageText
{
    // ASCII: a letter or digit maps to its lower case, an apostrophe to '\0' (dropped), anything else to ' '.
    private static readonly char[] AsciiMap = BuildAsciiMap();

    /// <summary>Normalises <paramref name="text"/> into a new string (convenience; the engine uses the span overload).</summary>
    public static string Normalize(string text)
    {
        var buffer = text.Length < 512 ? stackalloc char[text.Length + 2] : new char[text.Length + 2];
        var length = Normalize(text, buffer, out _);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// Normalises <paramref name="text"/> into <paramref name="destination"/>, which needs room for
    /// <c>text.Length + 2</c> characters, and returns the length written. Allocates nothing.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, out TextFeatures features) =>
        Normalize(text, destination, out features, out _);

    /// <summary>
    /// As <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out TextFeatures)"/>; also returns
    /// where clauses break: bit <c>w</c> of <paramref name="clauseBreaks"/> is set when a clause
    /// mark (<c>. , ; ! ?</c> or a new line) comes right before word <c>w</c> (first 64 words only).
    /// Quoted lines and code are dropped (docs/rules.md "Decided": not the author's words).
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, out TextFeatures features, out ulong clauseBreaks) =>
        Normalize(text, destination, out features, out clauseBreaks, out _);

    /// <summary>
    /// As <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out TextFeatures, out ulong)"/>; also
    /// returns which words are glued to a neighbour by <c>_ - . /</c> with no space (first 64 words):
    /// bit <c>w</c> of <paramref name="gluedWords"/> is set for both words of "Invoice_March",
    /// "v2.3-march" or "Mon-Fri", parts of a name, a file or a version rather than prose.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, out TextFeatures features, out ulong clauseBreaks, out ulong gluedWords)
    {
        features = TextFeatures.None;
        clauseBreaks = 0;
        gluedWords = 0;
        var wordCount = 0;
        var pendingBreak = false;
        var written = 0;
        destination[written++] = ' ';
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];

            // Fast path for the common case, an ASCII letter or digit (none of the marks handled below).
            if (c < 128 && AsciiMap[c] is var letter and > ' ')
            {
                if (destination[written - 1] == ' ')
                {
                    StartWord(ref wordCount, ref pendingBreak, ref clauseBreaks);
                    MarkGlued(text, i, wordCount - 1, ref gluedWords);
                }

                destination[written++] = letter;
                i++;
                continue;
            }

            if ((c is '`' or '>' or '&') && TrySkipQuoteOrCode(text, ref i, ref features))
            {
                AppendSpace(destination, ref written);
                pendingBreak = true;
                continue;
            }

            if (c == '?')
            {
                features |= TextFeatures.Question;
            }

            if (c is ',' or ';' or '!' or '?' or '\n' || (c == '.' && (i + 1 == text.Length || text[i + 1] == ' ') && !AfterAbbreviation(text, i)))
            {
                pendingBreak = true;
            }

            if (c == '<' && TrySkipAngle(text, ref i, ref features))
            {
                AppendSpace(destination, ref written);
                continue;
            }

            if (c == ':' && TrySkipEmoji(text, ref i))
            {
                features |= TextFeatures.Emoji;
                AppendSpace(destination, ref written);
                continue;
            }

            if (c == '&' && TrySkipEntity(text, ref i))
            {
                AppendSpace(destination, ref written);
                continue;
            }

            i++;
            if (c < 128)
            {
                var mapped = AsciiMap[c];
                if (mapped > ' ')
                {
                    if (destination[written - 1] == ' ')
                    {
                        StartWord(ref wordCount, ref pendingBreak, ref clauseBreaks);
                        MarkGlued(text, i - 1, wordCount - 1, ref gluedWords);
                    }

                    destination[written++] = mapped;
                }
                else if (mapped == ' ')
                {
                    AppendSpace(destination, ref written);
                }

                continue; // mapped == '\0': an apostrophe, "what's" → "whats" so a contraction stays one word
            }

            if (c == '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (destination[written - 1] == ' ')
                {
                    StartWord(ref wordCount, ref pendingBreak, ref clauseBreaks);
                    MarkGlued(text, i - 1, wordCount - 1, ref gluedWords);
                }

                destination[written++] = c is >= '\u00C0' and <= '\u024F' ? LatinMap[c - '\u00C0'] : char.ToLowerInvariant(c);
            }
            else
            {
                AppendSpace(destination, ref written);
            }
        }

        AppendSpace(destination, ref written);
        return written;
    }

    /// <summary>The users and broadcasts a message mentions, in order of first appearance, without duplicates.</summary>
    public static Mentions ParseMentions(string text)
    {
        List<UserId>? users = null;
        bool here = false, channel = false, everyone = false;
        var span = text.AsSpan();
        var start = 0;
        while (true)
        {
            var open = span[start..].IndexOf('<');
            if (open < 0)
            {
                break;
            }

            open += start;
            var close = span[open..].IndexOf('>');
            if (close < 0)
            {
                break;
            }

            close += open;
            var inner = span[(open + 1)..close];
            var bar = inner.IndexOf('|');
            var target = bar < 0 ? inner : inner[..bar];
            if (target.Length > 1 && target[0] == '@')
            {
                var id = target[1..].ToString();
                users ??= [];
                if (!users.Exists(u => u.Value == id))
                {
                    users.Add(new UserId(id));
                }
            }
            else if (target.SequenceEqual("!here"))
            {
                here = true;
            }
            else if (target.SequenceEqual("!channel"))
            {
                channel = true;
            }
            else if (target.SequenceEqual("!everyone"))
            {
                everyone = true;
            }

            start = close + 1;
        }

        return users is null && !here && !channel && !everyone
            ? Mentions.None
            : new Mentions(users is null ? [] : users, here, channel, everyone);
    }

    /// <summary>
    /// Whether the text starts with <paramref name="prefix"/> as a whole word (any case), after any
    /// leading mentions, broadcasts, emoji and formatting marks: the "starts with URGENT" marker.
    /// </summary>
    public static bool StartsWithWord(ReadOnlySpan<char> text, string prefix)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '<' && text[i..].IndexOf('>') is var close and > 0 && text.Length > i + 1 && text[i + 1] is '@' or '!')
            {
                i += close + 1;
            }
            else if (text[i] == ':' && TrySkipEmoji(text, ref i))
            {
                continue; // ":warning: URGENT"
            }
            else if (text[i] != '<' && !char.IsLetterOrDigit(text[i]))
            {
                i++; // formatting ("*URGENT*", "_URGENT_") and Unicode emoji ("🚨 urgent")
            }
            else
            {
                break;
            }
        }

        var rest = text[i..];
        return rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && (rest.Length == prefix.Length || !char.IsLetter(rest[prefix.Length]));
    }

    // Latin letters with accents lose them ("estás" → "estas", "aí" → "ai"), so a list written without
    // accents matches text written with them, and the other way round.
    // (generated from Unicode's canonical decompositions of U+00C0–U+024F; a letter with no ASCII base maps to its lower case)
    /// <summary>A character as <see cref="Normalize(string)"/> writes it: lower case, Latin accents folded ("É" gives 'e').</summary>
    public static char Fold(char c) => c is >= '\u00C0' and <= '\u024F' ? LatinMap[c - '\u00C0'] : char.ToLowerInvariant(c);

    // Letters with no decomposition that people type as their base letter on an English keyboard (Turkish
    // dotless ı, Polish ł, Danish and Norwegian ø and æ: "müsait misiniz" is written "musait", "møte" "mote";
    // docs/rules.md, "Other languages") are folded to it too.
    private static readonly char[] LatinMap = WithBaseLetters("aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00D7\u00F8uuuuy\u00FE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEyaaaaaaccccccccdd\u0111\u0111eeeeeeeeeegggggggghh\u0127\u0127iiiiiiiii\u0131\u0133\u0133jjkk\u0138llllll\u0140\u0140\u0142\u0142nnnnnn\u0149\u014B\u014Boooooo\u0153\u0153rrrrrrsssssssstttt\u0167\u0167uuuuuuuuuuuuwwyyyzzzzzz\u017F\u0180\u0253\u0183\u0183\u0185\u0185\u0254\u0188\u0188\u0256\u0257\u018C\u018C\u018D\u01DD\u0259\u025B\u0192\u0192\u0260\u0263\u0195\u0269\u0268\u0199\u0199\u019A\u019B\u026F\u0272\u019E\u0275oo\u01A3\u01A3\u01A5\u01A5\u0280\u01A8\u01A8\u0283\u01AA\u01AB\u01AD\u01AD\u0288uu\u028A\u028B\u01B4\u01B4\u01B6\u01B6\u0292\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9\u01C9\u01C9\u01CC\u01CC\u01CCaaiioouuuuuuuuuu\u01DDaaaa\u01E3\u01E3\u01E5\u01E5ggkkoooo\u01EF\u01EFj\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\u01FD\u01FD\u01FF\u01FFaaaaeeeeiiiioooorrrruuuusstt\u021D\u021Dhh\u019E\u0221\u0223\u0223\u0225\u0225aaeeooooooooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2C65\u023C\u023C\u019A\u2C66\u023F\u0240\u0242\u0242\u0180\u0289\u028C\u0247\u0247\u0249\u0249\u024B\u024B\u024D\u024D\u024F\u024F".ToCharArray());

    private static char[] WithBaseLetters(char[] map)
    {
        foreach (var (letter, folded) in (ReadOnlySpan<(char, char)>)[('\u0131', 'i'), ('\u0141', 'l'), ('\u0142', 'l'), ('\u00D8', 'o'), ('\u00F8', 'o'), ('\u00C6', 'a'), ('\u00E6', 'a')])
        {
            map[letter - '\u00C0'] = folded;
        }

        return map;
    }

    private static char[] BuildAsciiMap()
    {
        var map = new char[128];
        for (var c = 0; c < 128; c++)
        {
            map[c] = char.IsAsciiLetterOrDigit((char)c) ? char.ToLowerInvariant((char)c) : c == '\'' ? '\0' : ' ';
        }

        return map;
    }

    // "Dr. Patel", "Mr. Lee", "e.g. this": a full stop after a word of three letters or fewer is an
    // abbreviation, not the end of a clause.
    private static bool AfterAbbreviation(ReadOnlySpan<char> text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return dot - start is > 0 and <= 3;
    }

    // A word that starts right after "_", "-", "." or "/" which follows a letter or digit is glued to
    // the word before it: both are parts of one name ("Invoice_March.zip", "release-march").
    private static void MarkGlued(ReadOnlySpan<char> text, int start, int word, ref ulong gluedWords)
    {
        if (word is > 0 and < 64 && start >= 2 && text[start - 1] is '_' or '-' or '.' or '/' && char.IsLetterOrDigit(text[start - 2]))
        {
            gluedWords |= (1UL << word) | (1UL << (word - 1));
        }
    }

    private static void StartWord(ref int wordCount, ref bool pendingBreak, ref ulong clauseBreaks)
    {
        if (pendingBreak && wordCount < 64)
        {
            clauseBreaks |= 1UL << wordCount;
        }

        pendingBreak = false;
        wordCount++;
    }

    // A quote is a line starting with ">" (Slack sends "&gt;"); ">>>" quotes the rest of the message.
    // Code is "```…```" (to the closing fence or the end) or "`…`" on one line.
    private static bool TrySkipQuoteOrCode(ReadOnlySpan<char> text, ref int i, ref TextFeatures features)
    {
        var rest = text[i..];
        if (rest[0] == '`')
        {
            if (rest.StartsWith("```"))
            {
                var close = rest[3..].IndexOf("```");
                i += close < 0 ? rest.Length : close + 6;
                features |= TextFeatures.Code;
                return true;
            }

            var end = rest[1..].IndexOfAny('`', '\n');
            if (end < 0 || rest[1 + end] != '`')
            {
                return false;
            }

            i += end + 2;
            features |= TextFeatures.Code;
            return true;
        }

        if (!AtLineStart(text, i))
        {
            return false;
        }

        var marker = rest[0] == '>' ? 1 : rest.StartsWith("&gt;") ? 4 : 0;
        if (marker == 0)
        {
            return false;
        }

        var wholeRest = marker == 1 ? rest.StartsWith(">>>") : rest.StartsWith("&gt;&gt;&gt;");
        var lineEnd = rest.IndexOf('\n');
        i += wholeRest || lineEnd < 0 ? rest.Length : lineEnd;
        features |= TextFeatures.Quote;
        return true;
    }

    private static bool AtLineStart(ReadOnlySpan<char> text, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (text[j] == '\n')
            {
                return true;
            }

            if (text[j] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendSpace(Span<char> destination, ref int written)
    {
        if (destination[written - 1] != ' ')
        {
            destination[written++] = ' ';
        }
    }

    private static bool TrySkipAngle(ReadOnlySpan<char> text, ref int i, ref TextFeatures features)
    {
        var close = text[i..].IndexOf('>');
        if (close < 2)
        {
            return false;
        }

        var inner = text[(i + 1)..(i + close)];
        switch (inner[0])
        {
            case '@':
                features |= TextFeatures.UserMention;
                break;
            case '!':
                features |= inner.StartsWith("!subteam") ? TextFeatures.UserMention : TextFeatures.Broadcast;
                break;
            case '#':
                features |= TextFeatures.ChannelLink;
                break;
            default:
                if (inner.IndexOf("://") < 0 && !inner.StartsWith("mailto:"))
                {
                    return false;
                }

                features |= TextFeatures.Link;
                break;
        }

        i += close + 1;
        return true;
    }

    private static bool TrySkipEmoji(ReadOnlySpan<char> text, ref int i)
    {
        // A letter is required so a clock like 10:30:00 is not read as an emoji; :+1: and :-1: are the exceptions.
        var hasLetter = i + 1 < text.Length && text[i + 1] is '+' or '-';
        for (var j = i + 1; j < text.Length && j - i <= 64; j++)
        {
            var c = text[j];
            if (c == ':')
            {
                if (!hasLetter)
                {
                    return false;
                }

                i = j + 1;
                return true;
            }

            if (char.IsAsciiLetterLower(c))
            {
                hasLetter = true;
            }
            else if (!char.IsAsciiDigit(c) && c is not ('_' or '-' or '+' or '\''))
            {
                return false;
            }
        }

        return false;
    }

    private static bool TrySkipEntity(ReadOnlySpan<char> text, ref int i)
    {
        var rest = text[i..];
        var length = rest.StartsWith("&amp;") ? 5 : rest.StartsWith("&lt;") || rest.StartsWith("&gt;") ? 4 : 0;
        i += length;
        return length > 0; // & < > are punctuation: unescaped, they become a word break
    }
}
