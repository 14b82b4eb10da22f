using System.Collections.Frozen;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// The gate in front of every grammar (docs/rules.md, "How a message is judged", cost): a grammar
/// registers the words it cannot match without (its cue), gets one bit, and one pass over a
/// message's words (<see cref="Absent"/>, run once per <see cref="RuleContext"/>) says which cues
/// are missing from it. A grammar whose cue is missing is not consulted at all, so a message without
/// its words pays one bit test for it. Exact: a cue is only ever a set of words some word of the
/// message must equal for the grammar to match, so the gate never changes an answer.
/// </summary>
internal static class WordCues
{
    private static readonly Lock Gate = new();
    private static readonly List<string[]> Registered = [];
    private static volatile Index Current = new([]);

    /// <summary>The bit of a new cue made of <paramref name="words"/> (as normalised), or 0 (never gated) once 64 are taken.</summary>
    public static ulong Register(IReadOnlyCollection<string> words)
    {
        lock (Gate)
        {
            if (words.Count == 0 || Registered.Count == 64)
            {
                return 0;
            }

            Registered.Add([.. words]);
            Current = new Index(Registered); // a snapshot per registration: registering happens once per grammar, at start-up
            return 1UL << (Registered.Count - 1);
        }
    }

    /// <summary>
    /// The bits of the registered cues none of whose words is in <paramref name="words"/>. A cue registered
    /// after the snapshot read here is never reported absent (the grammar is consulted), so the order in
    /// which grammars come into being changes no answer.
    /// </summary>
    public static ulong Absent(ReadOnlySpan<char> text, ReadOnlySpan<Word> words)
    {
        var index = Current;
        var present = 0UL;
        foreach (var word in words)
        {
            var w = word.Of(text);
            if (index.MayBeCue[FilterIndex(w)] && index.Cues.TryGetValue(w, out var bits))
            {
                present |= bits;
            }
        }

        return index.All & ~present;
    }

    // (first letter, last letter, length), as in PhraseBook: most words are ruled out without hashing.
    private static int FilterIndex(ReadOnlySpan<char> word) =>
        word.IsEmpty ? 0 : (((Letter(word[0]) * 27) + Letter(word[^1])) * 32) + Math.Min(word.Length, 31);

    private static int Letter(char c) => (uint)(c - 'a') <= 'z' - 'a' ? c - 'a' : 26;

    private sealed class Index
    {
        public Index(List<string[]> cues)
        {
            var bitsOf = new Dictionary<string, ulong>(StringComparer.Ordinal);
            for (var i = 0; i < cues.Count; i++)
            {
                foreach (var word in cues[i])
                {
                    bitsOf[word] = bitsOf.GetValueOrDefault(word) | (1UL << i);
                    MayBeCue[FilterIndex(word)] = true;
                }
            }

            All = cues.Count == 64 ? ulong.MaxValue : (1UL << cues.Count) - 1;
            Cues = bitsOf.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public bool[] MayBeCue { get; } = new bool[27 * 27 * 32];

        public FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> Cues { get; }

        public ulong All { get; }
    }
}
