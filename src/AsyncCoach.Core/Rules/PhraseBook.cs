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
    // The second-word verdicts Match caches per message word: buckets with more distinct second words compare the rest directly.
    private const int CachedSeconds = 64;

    private readonly FrozenDictionary<string, Bucket>.AlternateLookup<ReadOnlySpan<char>> _lookup;

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
        _lookup = byFirst.ToFrozenDictionary(p => p.Key, p => new Bucket([.. p.Value.OrderByDescending(x => x.Words.Length)]), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
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
    internal int Match(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, Span<PhraseMatch> matches, out int listMask)
    {
        listMask = 0;
        var count = 0;

        // Phrases that start alike mostly share their second word ("can you", "can u", "can we"): whether
        // the message's next word is that second word is decided once per word, not once per phrase.
        Span<sbyte> secondMatches = stackalloc sbyte[CachedSeconds];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(text);
            if (!TryCandidates(word, out var bucket) && !TryCandidates(Unstretched(word), out bucket))
            {
                continue;
            }

            var candidates = bucket.Phrases;
            secondMatches[..Math.Min(bucket.Seconds.Length, CachedSeconds)].Clear();
            for (var c = 0; c < candidates.Length; c++)
            {
                var phrase = candidates[c];
                if (count == matches.Length)
                {
                    return count;
                }

                if (phrase.Words.Length > words.Length - i)
                {
                    continue;
                }

                var second = bucket.SecondOf[c];
                if (second is >= 0 and < CachedSeconds)
                {
                    if (secondMatches[second] == 0)
                    {
                        secondMatches[second] = WordMatches(words[i + 1].Of(text), bucket.Seconds[second]) ? (sbyte)1 : (sbyte)-1;
                    }

                    if (secondMatches[second] < 0 || !RestMatches(phrase, text, words, i, 2))
                    {
                        continue;
                    }
                }
                else if (!RestMatches(phrase, text, words, i, 1))
                {
                    continue;
                }

                matches[count++] = new PhraseMatch(phrase.Id, phrase.List, i, phrase.Words.Length);
                listMask |= 1 << phrase.List;
            }
        }

        return count;
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

    /// <summary>The phrases that start with one word, longest first, with their second words numbered.</summary>
    private sealed class Bucket
    {
        public Bucket(Phrase[] phrases)
        {
            Phrases = phrases;
            SecondOf = new int[phrases.Length];
            var seconds = new List<string>();
            for (var i = 0; i < phrases.Length; i++)
            {
                var words = phrases[i].Words;
                var index = words.Length < 2 ? -1 : seconds.IndexOf(words[1]);
                if (words.Length >= 2 && index < 0)
                {
                    index = seconds.Count;
                    seconds.Add(words[1]);
                }

                SecondOf[i] = index;
            }

            Seconds = [.. seconds];
        }

        public Phrase[] Phrases { get; }

        /// <summary>The distinct second words of <see cref="Phrases"/>.</summary>
        public string[] Seconds { get; }

        /// <summary>Per phrase, the index of its second word in <see cref="Seconds"/>; -1 for a one-word phrase.</summary>
        public int[] SecondOf { get; }
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AsyncCoach.Core.Rules." + name)
            ?? throw new InvalidOperationException($"Embedded phrase file {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
