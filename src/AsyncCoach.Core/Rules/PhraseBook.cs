using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// The phrase lists, normalised like message text and indexed by their first word so one pass
/// over a message finds every match of every list. Immutable and safe to share across threads.
/// </summary>
public sealed class PhraseBook
{
    // Buckets of up to 16 × 64 phrases mark their matches on the stack; pair keys up to 256 characters are built there.
    private const int StackBucketWords = 16;
    private const int StackPairKey = 256;

    private readonly FrozenDictionary<string, Bucket>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // "first second" → the indices, in the first word's bucket, of the phrases that start with those two words.
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _bySecond;
    private readonly int _bucketWords;
    private readonly int _longestPairKey;

    // (first letter, last letter, length) of every first word: most words of a message are ruled out without hashing.
    private readonly bool[] _mayStartPhrase = new bool[27 * 27 * 32];

    private PhraseBook(IReadOnlyDictionary<string, IReadOnlyList<string>> lists, IReadOnlyList<string>? contact = null)
    {
        ContactPatterns = contact ?? [];
        var phrases = new List<Phrase>();
        var byFirst = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var (name, items) in lists)
        {
            var list = PhraseLists.IndexOf(name);
            if (list < 0)
            {
                continue; // an unknown list name (a team's typo) must not stop the engine; docs/rules.md lists the names
            }

            foreach (var item in items)
            {
                var words = MessageText.Normalize(item).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 || byFirst.GetValueOrDefault(words[0])?.Exists(p => p.List == list && p.Words.AsSpan().SequenceEqual(words)) == true)
                {
                    continue;
                }

                var phrase = new Phrase(phrases.Count, list, string.Join(' ', words), words);
                phrases.Add(phrase);
                _mayStartPhrase[FilterIndex(words[0])] = true;
                if (!byFirst.TryGetValue(words[0], out var bucket))
                {
                    byFirst[words[0]] = bucket = [];
                }

                bucket.Add(phrase);
            }
        }

        Lists = lists;
        Phrases = phrases;
        var buckets = byFirst.ToFrozenDictionary(p => p.Key, p => new Bucket(p.Key, [.. p.Value.OrderByDescending(x => x.Words.Length)]), StringComparer.Ordinal);
        _lookup = buckets.GetAlternateLookup<ReadOnlySpan<char>>();
        var bySecond = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var bucket in buckets.Values)
        {
            _bucketWords = Math.Max(_bucketWords, bucket.OneWord.Length);
            for (var c = 0; c < bucket.Phrases.Length; c++)
            {
                if (bucket.Phrases[c].Words is { Length: > 1 } words)
                {
                    var key = words[0] + " " + words[1];
                    _longestPairKey = Math.Max(_longestPairKey, key.Length);
                    if (!bySecond.TryGetValue(key, out var indices))
                    {
                        bySecond[key] = indices = [];
                    }

                    indices.Add(c);
                }
            }
        }

        _bySecond = bySecond.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The phrase lists as loaded (list name → phrases as written).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }

    internal IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>
    /// The availability checks of the other language files, in <see cref="WordPattern"/> notation
    /// (their <c>"contact"</c> arrays): read by <c>ContactGrammar</c> beside its English acts.
    /// </summary>
    public IReadOnlyList<string> ContactPatterns { get; }

    /// <summary>The languages loaded, as their files name them ("en", "es", …).</summary>
    public IReadOnlyList<string> Languages { get; private init; } = [];

    /// <summary>The phrase a match found, as listed (normalised): what a finding shows as evidence.</summary>
    public string PhraseText(int phraseId) => Phrases[phraseId].Text;

    /// <summary>
    /// The lists embedded in Core: English (<c>Rules/phrases.en.json</c>) and every other language file
    /// (<c>Rules/phrases.&lt;lang&gt;.json</c>), merged list by list (docs/rules.md, "Other languages").
    /// </summary>
    public static PhraseBook Default { get; } = FromJson([.. EmbeddedLanguageFiles().Select(ReadEmbedded)]);

    /// <summary>Loads lists from JSON shaped <c>{"lists": {"greeting": ["hi", …], …}}</c>.</summary>
    public static PhraseBook FromJson(string json) => FromJson([json]);

    /// <summary>
    /// Loads and merges several files shaped <c>{"language": "es", "lists": {…}, "contact": [patterns]}</c>
    /// (<c>"contact"</c> optional): a list's phrases are the union over the files, in file order.
    /// </summary>
    public static PhraseBook FromJson(IReadOnlyList<string> files)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var contact = new List<string>();
        var languages = new List<string>();
        foreach (var json in files)
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("language", out var language) && language.GetString() is { Length: > 0 } name)
            {
                languages.Add(name);
            }

            foreach (var list in document.RootElement.GetProperty("lists").EnumerateObject())
            {
                var items = list.Value.EnumerateArray().Select(e => e.GetString() ?? string.Empty);
                lists[list.Name] = lists.TryGetValue(list.Name, out var existing) ? [.. existing, .. items] : [.. items];
            }

            if (document.RootElement.TryGetProperty("contact", out var patterns))
            {
                // Patterns are written as people write the language; words are compared as normalised (accents folded).
                contact.AddRange(patterns.EnumerateArray().Select(e => FoldPattern(e.GetString() ?? string.Empty)).Where(p => p.Length > 0));
            }
        }

        return new PhraseBook(lists, contact) { Languages = languages };
    }

    private static string FoldPattern(string pattern) =>
        string.Create(pattern.Length, pattern, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '\'' or '\u2019' ? '\0' : MessageText.Fold(source[i]);
            }
        }).Replace("\0", string.Empty, StringComparison.Ordinal).Trim();

    // English first (its order decides nothing, but keeps evidence stable), then the others by name.
    private static IEnumerable<string> EmbeddedLanguageFiles() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("AsyncCoach.Core.Rules.phrases.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["AsyncCoach.Core.Rules.".Length..])
            .OrderBy(n => n == "phrases.en.json" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal);

    /// <summary>These lists with a team's extra phrases added (keyed by list name).</summary>
    public PhraseBook With(IReadOnlyDictionary<string, IReadOnlyList<string>> extra)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, items) in Lists)
        {
            merged[name] = items;
        }

        foreach (var (name, items) in extra)
        {
            merged[name] = merged.TryGetValue(name, out var existing) ? [.. existing, .. items] : items;
        }

        return new PhraseBook(merged, ContactPatterns) { Languages = Languages };
    }

    /// <summary>
    /// Finds every phrase occurrence in normalised text split into <paramref name="words"/>;
    /// writes up to <c>matches.Length</c> of them, in word order, and returns the count.
    /// </summary>
    internal int Match(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, Span<PhraseMatch> matches, out int listMask) =>
        Match(text, words, matches, out listMask, out _);

    /// <summary>As <see cref="Match(ReadOnlySpan{char}, ReadOnlySpan{Word}, Span{PhraseMatch}, out int)"/>; <paramref name="compared"/> counts the phrases whose words were compared with the message's.</summary>
    internal int Match(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, Span<PhraseMatch> matches, out int listMask, out int compared)
    {
        listMask = 0;
        compared = 0;
        var count = 0;

        // A message word pays for the phrases that start with it and go on with the next word ("can you"
        // → the "can you …" phrases; docs/rules.md, cost), found by one look-up of the word pair, not for
        // every phrase that starts with it. Found phrases are marked in a bit set over the bucket so they
        // are written in the bucket's order (longest first), as a scan of the bucket would.
        Span<ulong> found = _bucketWords <= StackBucketWords ? stackalloc ulong[StackBucketWords] : new ulong[_bucketWords];
        Span<char> pair = _longestPairKey <= StackPairKey ? stackalloc char[StackPairKey] : new char[_longestPairKey];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(text);
            if (!TryCandidates(word, out var bucket) && !TryCandidates(Unstretched(word), out bucket))
            {
                continue;
            }

            var marks = found[..bucket.OneWord.Length];
            bucket.OneWord.CopyTo(marks);
            compared += bucket.OneWordCount;
            if (bucket.HasLonger && i + 1 < words.Length)
            {
                // The next word as it is, or with a stretched last letter undone ("sooo" for "so").
                var next = words[i + 1].Of(text);
                compared += MarkLonger(bucket, next, text, words, i, marks, pair);
                var plain = Unstretched(next);
                if (!plain.IsEmpty)
                {
                    compared += MarkLonger(bucket, plain, text, words, i, marks, pair);
                }
            }

            for (var w = 0; w < marks.Length; w++)
            {
                for (var bits = marks[w]; bits != 0; bits &= bits - 1)
                {
                    if (count == matches.Length)
                    {
                        return count;
                    }

                    var phrase = bucket.Phrases[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    matches[count++] = new PhraseMatch(phrase.Id, phrase.List, i, phrase.Words.Length);
                    listMask |= 1 << phrase.List;
                }
            }
        }

        return count;
    }

    // Marks the phrases of `bucket` whose second word is `second` and whose other words follow in the message; returns how many were compared.
    private int MarkLonger(Bucket bucket, ReadOnlySpan<char> second, ReadOnlySpan<char> text, ReadOnlySpan<Word> words, int start, Span<ulong> marks, Span<char> pair)
    {
        if (!bucket.MayGoOnWith(second) || bucket.Key.Length + 1 + second.Length > _longestPairKey || !_bySecond.TryGetValue(PairKey(bucket.Key, second, pair), out var candidates))
        {
            return 0; // no phrase goes on with this word (no pair key is longer than the longest listed)
        }

        foreach (var c in candidates)
        {
            var phrase = bucket.Phrases[c];
            if (phrase.Words.Length <= words.Length - start && RestMatches(phrase, text, words, start, 2))
            {
                marks[c >> 6] |= 1UL << (c & 63);
            }
        }

        return candidates.Length;
    }

    // "first second" in `buffer`: the key of the pairs index.
    private static ReadOnlySpan<char> PairKey(ReadOnlySpan<char> first, ReadOnlySpan<char> second, Span<char> buffer)
    {
        first.CopyTo(buffer);
        buffer[first.Length] = ' ';
        second.CopyTo(buffer[(first.Length + 1)..]);
        return buffer[..(first.Length + 1 + second.Length)];
    }

    private bool TryCandidates(ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Bucket? candidates)
    {
        candidates = null;
        return !word.IsEmpty && _mayStartPhrase[FilterIndex(word)] && _lookup.TryGetValue(word, out candidates);
    }

    // "heyyy", "hiii", "hellooo", "bom diaaa": a stretched last letter is the same word (at any place in a phrase).
    private static ReadOnlySpan<char> Unstretched(ReadOnlySpan<char> word)
    {
        var end = word.Length;
        while (end > 1 && word[end - 1] == word[end - 2])
        {
            end--;
        }

        return end == word.Length ? [] : word[..end];
    }

    private static int FilterIndex(ReadOnlySpan<char> word) =>
        (((Letter(word[0]) * 27) + Letter(word[^1])) * 32) + Math.Min(word.Length, 31);

    private static int Letter(char c) => (uint)(c - 'a') <= 'z' - 'a' ? c - 'a' : 26;

    // Words from k on (the first, and the second when cached, are already known to match).
    private static bool RestMatches(Phrase phrase, ReadOnlySpan<char> text, ReadOnlySpan<Word> words, int start, int k)
    {
        for (; k < phrase.Words.Length; k++)
        {
            if (!WordMatches(words[start + k].Of(text), phrase.Words[k]))
            {
                return false;
            }
        }

        return true;
    }

    // A message word is a phrase word as it is or with a stretched last letter undone ("sooo" for "so").
    // Unstretching only drops repeated last letters: a word shorter than the phrase's, or with another
    // first letter, cannot match either way, and one of the same length only as it is.
    private static bool WordMatches(ReadOnlySpan<char> word, string expected) =>
        word.Length >= expected.Length && word[0] == expected[0]
        && (word.Length == expected.Length ? word.SequenceEqual(expected) : Unstretched(word).SequenceEqual(expected));

    /// <summary>The phrases that start with one word, longest first; which are one word long, as bits.</summary>
    private sealed class Bucket
    {
        // The first letters and lengths of the second words: most next words are ruled out without building a pair key.
        private readonly uint _secondFirstLetters;
        private readonly ulong _secondLengths;

        public Bucket(string key, Phrase[] phrases)
        {
            Key = key;
            Phrases = phrases;
            OneWord = new ulong[(phrases.Length + 63) >> 6];
            for (var c = 0; c < phrases.Length; c++)
            {
                if (phrases[c].Words.Length == 1)
                {
                    OneWord[c >> 6] |= 1UL << (c & 63);
                    OneWordCount++;
                }
                else
                {
                    HasLonger = true;
                    var second = phrases[c].Words[1];
                    _secondFirstLetters |= 1U << Letter(second[0]);
                    _secondLengths |= 1UL << Math.Min(second.Length, 63);
                }
            }
        }

        /// <summary>The first word (as listed, normalised).</summary>
        public string Key { get; }

        public Phrase[] Phrases { get; }

        /// <summary>Bit <c>c</c> set when <c>Phrases[c]</c> is one word long (it matches wherever its word is).</summary>
        public ulong[] OneWord { get; }

        public int OneWordCount { get; }

        /// <summary>Whether some phrase has a second word (found through the pairs index).</summary>
        public bool HasLonger { get; }

        /// <summary>Whether some phrase may go on with <paramref name="second"/> (false: none can).</summary>
        public bool MayGoOnWith(ReadOnlySpan<char> second) =>
            (_secondFirstLetters & (1U << Letter(second[0]))) != 0 && (_secondLengths & (1UL << Math.Min(second.Length, 63))) != 0;
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AsyncCoach.Core.Rules." + name)
            ?? throw new InvalidOperationException($"Embedded phrase file {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
