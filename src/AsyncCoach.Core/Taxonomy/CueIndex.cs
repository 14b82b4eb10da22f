using System.Collections.Frozen;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// Which of a <see cref="CueMatcher"/>'s cues a task can match, from the task's words alone (docs/taxonomy.md,
/// cost). Every phrase requires its literal words and, for each prefix part ("julkaise*"), a word with that
/// stem; a cue can match only if each of its groups has a phrase whose requirements the task meets. Each cue
/// is filed under one requirement per phrase of one group (the rarest in the data, so "the" files nothing
/// that "budget" can), so a task's words name their candidate cues, and the cues it names are then checked
/// in full. Exact: a phrase ruled out here could not have matched. Immutable and shareable.
/// </summary>
internal sealed class CueIndex
{
    // Requirement ids: words first (0 … words-1), then stems.
    private readonly FrozenDictionary<string, int> _wordIds;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemIds;
    private readonly bool[] _stemLengths;
    private readonly int _requirements;

    // Per cue, group and phrase: the requirement ids the phrase needs.
    private readonly int[][][][] _needs;

    // Requirement id → the cues filed under it, ascending; and the cues no requirement can name.
    private readonly int[][] _cuesByRequirement;
    private readonly int[] _unfiled;

    public CueIndex(IReadOnlyList<PhrasePattern[][]> cues)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pattern in cues.SelectMany(c => c).SelectMany(g => g))
        {
            foreach (var word in pattern.RequiredWords)
            {
                words.TryAdd(word, words.Count);
            }

            foreach (var stem in pattern.RequiredStems)
            {
                stems.TryAdd(stem, stems.Count);
            }
        }

        _requirements = words.Count + stems.Count;
        _wordIds = words.ToFrozenDictionary(StringComparer.Ordinal);
        _stemIds = stems.ToFrozenDictionary(p => p.Key, p => p.Value + words.Count, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLengths = new bool[stems.Keys.Select(s => s.Length).DefaultIfEmpty(0).Max() + 1];
        foreach (var stem in stems.Keys)
        {
            _stemLengths[stem.Length] = true;
        }

        _needs = [.. cues.Select(c => c.Select(g => g.Select(p =>
            p.RequiredWords.Select(w => words[w]).Concat(p.RequiredStems.Select(s => stems[s] + words.Count)).ToArray()).ToArray()).ToArray())];

        // How many phrases need each requirement: a common word ("the", "to") is needed by many, so it files last.
        var uses = new int[_requirements];
        foreach (var need in _needs.SelectMany(c => c).SelectMany(g => g).SelectMany(p => p))
        {
            uses[need]++;
        }

        var filed = Enumerable.Range(0, _requirements).Select(_ => new List<int>()).ToArray();
        var unfiled = new List<int>();
        for (var c = 0; c < _needs.Length; c++)
        {
            // The group whose phrases each need something, rarest in sum; a group with a phrase that needs
            // nothing ("_ {name}") can match any task, so it cannot file the cue.
            var group = _needs[c].Where(g => g.All(p => p.Length > 0)).MinBy(g => g.Sum(p => p.Min(r => uses[r])));
            if (group is null)
            {
                unfiled.Add(c);
                continue;
            }

            foreach (var need in group.Select(p => p.MinBy(r => uses[r])).Distinct())
            {
                filed[need].Add(c);
            }
        }

        _cuesByRequirement = [.. filed.Select(f => f.ToArray())];
        _unfiled = [.. unfiled];
    }

    /// <summary>The requirements <paramref name="tokens"/> meet: bit <c>r</c> set when requirement <c>r</c> is a word of the task, or a stem one of its words starts with.</summary>
    public ulong[] Present(IReadOnlyList<Token> tokens)
    {
        var present = new ulong[(_requirements + 63) >> 6];
        foreach (var token in tokens)
        {
            var text = token.Text;
            if (_wordIds.TryGetValue(text, out var id))
            {
                present[id >> 6] |= 1UL << (id & 63);
            }

            for (var length = 1; length < _stemLengths.Length && length <= text.Length; length++)
            {
                if (_stemLengths[length] && _stemIds.TryGetValue(text.AsSpan(0, length), out id))
                {
                    present[id >> 6] |= 1UL << (id & 63);
                }
            }
        }

        return present;
    }

    /// <summary>The cues filed under a requirement the task meets, and the unfiled ones, as bits of cue indices.</summary>
    public ulong[] Candidates(ulong[] present)
    {
        var candidates = new ulong[(_needs.Length + 63) >> 6];
        foreach (var c in _unfiled)
        {
            candidates[c >> 6] |= 1UL << (c & 63);
        }

        for (var w = 0; w < present.Length; w++)
        {
            for (var bits = present[w]; bits != 0; bits &= bits - 1)
            {
                foreach (var c in _cuesByRequirement[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)])
                {
                    candidates[c >> 6] |= 1UL << (c & 63);
                }
            }
        }

        return candidates;
    }

    /// <summary>Whether every group of cue <paramref name="cue"/> has a phrase whose requirements are all met.</summary>
    public bool MayMatch(int cue, ulong[] present)
    {
        var groups = _needs[cue];
        for (var g = 0; g < groups.Length; g++)
        {
            var any = false;
            for (var p = 0; p < groups[g].Length && !any; p++)
            {
                any = MayMatch(cue, g, p, present);
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether phrase <paramref name="phrase"/> of group <paramref name="group"/> of cue <paramref name="cue"/> has all its requirements met.</summary>
    public bool MayMatch(int cue, int group, int phrase, ulong[] present)
    {
        foreach (var need in _needs[cue][group][phrase])
        {
            if ((present[need >> 6] & (1UL << (need & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
