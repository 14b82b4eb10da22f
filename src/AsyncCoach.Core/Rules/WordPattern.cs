namespace AsyncCoach.Core.Rules;

/// <summary>
/// A small grammar over the words of normalised text: a sequence of slots, each a set of
/// alternatives, required (<c>talk|speak</c>), optional (<c>you|u?</c>) or repeated any number of
/// times (<c>a|few|quick*</c>). Two word classes stand for open sets: <c>#num</c> (a number of one
/// or two digits), <c>#time</c> (a time word: today, now, later…) and <c>#word</c> (any word of letters). A pattern says what a phrase
/// does ("asks for some of your time") once for all its wordings, instead of listing the wordings.
/// Immutable; matching allocates nothing.
/// </summary>
internal sealed class WordPattern
{
    private readonly Slot[] _slots;

    private WordPattern(Slot[] slots) => _slots = slots;

    /// <summary>The pattern as written (for tests and messages).</summary>
    public required string Source { get; init; }

    /// <summary>Parses <c>"can|could we|i talk|speak to|with? you|u?"</c>.</summary>
    public static WordPattern Parse(string pattern)
    {
        var slots = new List<Slot>();
        foreach (var token in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains("||", StringComparison.Ordinal) || token.StartsWith('|') || token.TrimEnd('?', '*').EndsWith('|'))
            {
                throw new FormatException($"Empty alternative in slot '{token}' of word pattern '{pattern}'.");
            }

            var quantity = token[^1] switch { '?' => Quantity.Optional, '*' => Quantity.Any, _ => Quantity.One };
            var body = quantity == Quantity.One ? token : token[..^1];
            var alternatives = body.Split('|', StringSplitOptions.RemoveEmptyEntries);
            if (alternatives.Length == 0)
            {
                throw new FormatException($"Empty slot in word pattern '{pattern}'.");
            }

            slots.Add(new Slot(alternatives, quantity));
        }

        if (slots.Count == 0 || slots.TrueForAll(s => s.Quantity != Quantity.One))
        {
            throw new FormatException($"Word pattern '{pattern}' needs at least one required slot.");
        }

        return new WordPattern([.. slots]) { Source = pattern };
    }

    /// <summary>The literal words a match can start with, or null when a word class (<c>#num</c>…) can start it.</summary>
    public IReadOnlyList<string>? FirstWords
    {
        get
        {
            var words = new List<string>();
            foreach (var slot in _slots)
            {
                foreach (var alternative in slot.Alternatives)
                {
                    if (alternative[0] == '#')
                    {
                        return null;
                    }

                    words.Add(alternative);
                }

                if (slot.Quantity == Quantity.One)
                {
                    break;
                }
            }

            return words;
        }
    }

    /// <summary>
    /// Words one of which every match holds (the pattern's cue, see <see cref="WordCues"/>): the
    /// alternatives of a required slot of literal words, the one with the fewest common words (then the
    /// fewest words), so that most messages hold none of them; null when no required slot is literal.
    /// </summary>
    public IReadOnlyList<string>? CueWords
    {
        get
        {
            string[]? best = null;
            var bestScore = int.MaxValue;
            foreach (var slot in _slots)
            {
                if (slot.Quantity != Quantity.One || Array.Exists(slot.Alternatives, a => a[0] == '#'))
                {
                    continue;
                }

                var score = (Array.FindAll(slot.Alternatives, IsCommon).Length * 1000) + slot.Alternatives.Length;
                if (score < bestScore)
                {
                    (best, bestScore) = (slot.Alternatives, score);
                }
            }

            return best;
        }
    }

    // Words most messages hold: a slot made of them is a poor cue ("can|could we": nearly every ask).
    private static bool IsCommon(string word) =>
        word is "a" or "an" or "the" or "to" or "in" or "on" or "at" or "by" or "of" or "for" or "with" or "and" or "or" or "i" or "we" or "you" or "u"
            or "us" or "me" or "my" or "our" or "your" or "it" or "is" or "are" or "be" or "do" or "can" or "could" or "would" or "should" or "will"
            or "lets" or "let" or "this" or "that" or "up" or "down" or "over" or "out" or "about" or "get" or "have" or "go" or "just" or "all"
            or "some" or "time" or "any" or "if" or "so" or "not" or "no" or "what" or "when" or "how" or "please" or "pls";

    /// <summary>The word after the longest match that starts at word <paramref name="start"/>, or 0 if none.</summary>
    public int Match(in RuleContext context, int start) => Match(context.Text, context.Words, 0, start);

    /// <summary>The same over raw text, normalised here (for tests and tools).</summary>
    public int Match(string text, int start = 0)
    {
        var normalized = Text.MessageText.Normalize(text);
        var words = new Word[normalized.Length];
        var count = Word.Split(normalized, words);
        return Match(normalized, words.AsSpan(0, count), 0, start);
    }

    private int Match(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, int slot, int at)
    {
        if (slot == _slots.Length)
        {
            return at;
        }

        var s = _slots[slot];
        if (s.Quantity == Quantity.One)
        {
            return at < words.Length && s.Accepts(words[at].Of(text)) ? Match(text, words, slot + 1, at + 1) : 0;
        }

        var best = Match(text, words, slot + 1, at); // the slot left out
        for (var i = at; i < words.Length && s.Accepts(words[i].Of(text)); i++)
        {
            best = Math.Max(best, Match(text, words, slot + 1, i + 1));
            if (s.Quantity == Quantity.Optional)
            {
                break;
            }
        }

        return best;
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöùúûüýÿ");

    private enum Quantity
    {
        One,
        Optional,
        Any,
    }

    private readonly record struct Slot(string[] Alternatives, Quantity Quantity)
    {
        // A word no literal alternative starts with (bit per letter a–z, bit 26 for anything else) or
        // has the length of (bit per length, lengths of 63 and more share bit 63) is passed over
        // without comparing it to each alternative: most words a slot is asked about are.
        private readonly uint _firstLetters = FirstLetters(Alternatives);
        private readonly ulong _lengths = Lengths(Alternatives);
        private readonly string[] _classes = [.. Alternatives.Where(a => a[0] == '#')];

        public bool Accepts(ReadOnlySpan<char> word)
        {
            if (!word.IsEmpty && ((_firstLetters & (1u << Letter(word[0]))) == 0 || (_lengths & LengthBit(word.Length)) == 0))
            {
                foreach (var name in _classes)
                {
                    if (IsOfClass(name, word))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var alternative in Alternatives)
            {
                if (alternative[0] == '#' ? IsOfClass(alternative, word) : word.SequenceEqual(alternative))
                {
                    return true;
                }
            }

            return false;
        }

        private static int Letter(char c) => c is >= 'a' and <= 'z' ? c - 'a' : 26;

        private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

        private static uint FirstLetters(string[] alternatives)
        {
            var mask = 0u;
            foreach (var alternative in alternatives)
            {
                mask |= alternative[0] == '#' ? 0 : 1u << Letter(alternative[0]);
            }

            return mask;
        }

        private static ulong Lengths(string[] alternatives)
        {
            var mask = 0UL;
            foreach (var alternative in alternatives)
            {
                mask |= alternative[0] == '#' ? 0 : LengthBit(alternative.Length);
            }

            return mask;
        }

        private static bool IsOfClass(string name, ReadOnlySpan<char> word) => name switch
        {
            "#num" => word.Length is 1 or 2 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1]),
            "#time" => MessageShapes.IsTime(word),
            "#word" => word.Length > 0 && !word.ContainsAnyExcept(Letters),
            _ => false,
        };
    }
}
