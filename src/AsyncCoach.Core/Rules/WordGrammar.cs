using System.Collections.Frozen;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// A set of <see cref="WordPattern"/>s indexed by the words they can start with, so finding the
/// longest match at a position costs one hash lookup for most words. Gated by its cue words
/// (<see cref="WordCues"/>): for a message without any, it is not consulted at all. Immutable and shareable.
/// </summary>
internal sealed class WordGrammar
{
    private readonly FrozenDictionary<string, WordPattern[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly WordPattern[] _anyFirstWord;

    // (first letter, last letter, length) of every first word, as in PhraseBook: most words are ruled out without hashing.
    private readonly bool[] _mayStart = new bool[27 * 27 * 32];

    public WordGrammar(params string[] patterns)
    {
        var byFirst = new Dictionary<string, List<WordPattern>>(StringComparer.Ordinal);
        var any = new List<WordPattern>();
        var parsed = Array.ConvertAll(patterns, WordPattern.Parse);
        foreach (var pattern in parsed)
        {
            if (pattern.FirstWords is not { } first)
            {
                any.Add(pattern);
                continue;
            }

            foreach (var word in first.Distinct())
            {
                if (!byFirst.TryGetValue(word, out var bucket))
                {
                    byFirst[word] = bucket = [];
                }

                bucket.Add(pattern);
                _mayStart[FilterIndex(word)] = true;
            }
        }

        // The grammar's cue: the union of its patterns' (none if one pattern has no literal required slot).
        var cues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in parsed)
        {
            if (pattern.CueWords is not { } words)
            {
                cues.Clear();
                break;
            }

            cues.UnionWith(words);
        }

        Cue = WordCues.Register(cues);
        CueWords = Cue == 0 ? [] : [.. cues];
        lock (Created)
        {
            Created.Add(this);
        }

        _byFirstWord = byFirst.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _anyFirstWord = [.. any];
    }

    private static readonly List<WordGrammar> Created = [];

    /// <summary>Every grammar made so far (for the tests that check the gate against matching without it).</summary>
    internal static IReadOnlyList<WordGrammar> All
    {
        get
        {
            lock (Created)
            {
                return [.. Created];
            }
        }
    }

    /// <summary>The words one of which a message must hold for this grammar to be consulted (empty: always consulted).</summary>
    public IReadOnlyList<string> CueWords { get; }

    /// <summary>This grammar's bit in <see cref="WordCues"/> (0: never gated).</summary>
    public ulong Cue { get; }

    /// <summary>Whether the message holds this grammar's cue, so that it may match somewhere (false: it cannot).</summary>
    public bool Consulted(in RuleContext context) => (context.AbsentCues & Cue) == 0;

    /// <summary>The word after the longest match that starts at word <paramref name="start"/>, or 0.</summary>
    public int Match(in RuleContext context, int start) =>
        start >= context.Words.Length || (context.AbsentCues & Cue) != 0 ? 0 : MatchUngated(context, start);

    /// <summary>As <see cref="Match"/> without the cue gate (for the tests that check the gate changes nothing).</summary>
    internal int MatchUngated(in RuleContext context, int start)
    {
        if (start >= context.Words.Length)
        {
            return 0;
        }

        var end = 0;
        foreach (var pattern in _anyFirstWord)
        {
            end = Math.Max(end, pattern.Match(context, start));
        }

        var word = context.WordAt(start);
        if (_mayStart[FilterIndex(word)] && _byFirstWord.TryGetValue(word, out var candidates))
        {
            foreach (var pattern in candidates)
            {
                end = Math.Max(end, pattern.Match(context, start));
            }
        }

        return end;
    }

    /// <summary>Whether some pattern may start at word <paramref name="start"/> (a cheap test before <see cref="Match"/>).</summary>
    public bool MayStartAt(in RuleContext context, int start)
    {
        if (start >= context.Words.Length)
        {
            return false;
        }

        var word = context.WordAt(start);
        return _anyFirstWord.Length > 0 || (_mayStart[FilterIndex(word)] && _byFirstWord.ContainsKey(word));
    }

    private static int FilterIndex(ReadOnlySpan<char> word) =>
        word.IsEmpty ? 0 : (((Letter(word[0]) * 27) + Letter(word[^1])) * 32) + Math.Min(word.Length, 31);

    private static int Letter(char c) => (uint)(c - 'a') <= 'z' - 'a' ? c - 'a' : 26;

    /// <summary>The first match anywhere in the message: its start and end (the word after it); false if none.</summary>
    public bool Find(in RuleContext context, out int start, out int end)
    {
        if ((context.AbsentCues & Cue) == 0)
        {
            for (start = 0; start < context.Words.Length; start++)
            {
                end = Match(context, start);
                if (end > 0)
                {
                    return true;
                }
            }
        }

        start = end = 0;
        return false;
    }
}
