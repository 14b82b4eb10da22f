namespace AsyncCoach.Core.Taxonomy;

/// <summary>A cue found in a task: what it points to, its weight and the words that matched (<see cref="Length"/> 0 for a combination).</summary>
internal sealed record CueHit(string Target, double Weight, string Evidence, int Position, int Length = 0)
{
    /// <summary>A time-critical hit from a same-day deadline ("by 3pm"), as opposed to something going wrong now.</summary>
    public bool Deadline { get; init; }
}

/// <summary>
/// Finds weighted cues in a task. Combinations are tried first, then single phrases longest first
/// (heaviest first among equally long ones);
/// a word used by one cue cannot be used by another, so "merge conflict" hides "conflict" and
/// "approve" + "budget" hides the lone "approve".
/// </summary>
internal sealed class CueMatcher
{
    private readonly CompiledCue[] _cues;
    private readonly CueIndex _index;

    public CueMatcher(IEnumerable<CueData> cues, IReadOnlySet<string> notNames)
    {
        var compiled = new List<CompiledCue>();
        foreach (var cue in cues)
        {
            if (cue.AllOf is { Count: > 0 } groups)
            {
                compiled.Add(new CompiledCue(cue.Tier, cue.Weight, [.. groups.Select(g => g.Select(p => new PhrasePattern(p, notNames)).ToArray())], IsCombination: true));
            }

            foreach (var phrase in cue.Phrases ?? [])
            {
                compiled.Add(new CompiledCue(cue.Tier, cue.Weight, [[new PhrasePattern(phrase, notNames)]], IsCombination: false));
            }
        }

        _cues = [.. compiled.OrderByDescending(c => c.IsCombination).ThenByDescending(c => c.Groups.Sum(g => g.Max(p => p.Length))).ThenByDescending(c => c.Weight)];
        _index = new CueIndex([.. _cues.Select(c => c.Groups)]);
    }

    /// <summary>How many cues the matcher holds.</summary>
    public int Count => _cues.Length;

    public IReadOnlyList<CueHit> Match(IReadOnlyList<Token> tokens) => Match(tokens, gated: true, out _);

    /// <summary>
    /// As <see cref="Match(IReadOnlyList{Token})"/>; <paramref name="gated"/> false scans every cue (for the
    /// tests that check the index changes nothing); <paramref name="scanned"/> counts the cues scanned.
    /// </summary>
    internal IReadOnlyList<CueHit> Match(IReadOnlyList<Token> tokens, bool gated, out int scanned)
    {
        scanned = 0;
        var consumed = new bool[tokens.Count];
        var hits = new List<CueHit>();

        // Only the cues whose required words (and word stems) the task holds are scanned: the index
        // names them from the task's words, in the matcher's order (docs/taxonomy.md, cost).
        var present = gated ? _index.Present(tokens) : null;
        var candidates = present is null ? null : _index.Candidates(present);
        for (var c = NextCue(candidates, -1); c < _cues.Length; c = NextCue(candidates, c))
        {
            var cue = _cues[c];
            if (present is not null && !_index.MayMatch(c, present))
            {
                continue;
            }

            scanned++;
            var trial = (bool[])consumed.Clone();
            var spans = new List<(int Start, int Length)>();
            for (var g = 0; g < cue.Groups.Length; g++)
            {
                var found = new List<(int Start, int Length)>();
                var group = cue.Groups[g];
                for (var p = 0; p < group.Length; p++)
                {
                    if (present is not null && !_index.MayMatch(c, g, p, present))
                    {
                        continue; // a phrase that names a word the task lacks cannot match
                    }

                    foreach (var start in group[p].Matches(tokens, trial))
                    {
                        found.Add((start, group[p].Length));
                    }
                }

                if (found.Count == 0)
                {
                    spans.Clear();
                    break;
                }

                var first = found[0];
                foreach (var f in found)
                {
                    first = f.Start < first.Start ? f : first;
                }

                spans.Add(first);
                // A single phrase uses every place it occurs; a combination one place per group.
                foreach (var (start, length) in cue.IsCombination ? [first] : found)
                {
                    Array.Fill(trial, true, start, length);
                }
            }

            if (spans.Count == 0)
            {
                continue;
            }

            consumed = trial;
            var evidence = string.Join(" + ", spans.OrderBy(s => s.Start).Select(s => Quote(tokens, s.Start, s.Length)));
            hits.Add(new CueHit(cue.Target, cue.Weight, evidence, spans.Min(s => s.Start), cue.IsCombination ? 0 : spans[0].Length));
        }

        return hits;
    }

    // The next cue after `after` to try: every cue when ungated, else the next candidate the index named.
    private int NextCue(ulong[]? candidates, int after)
    {
        if (candidates is null)
        {
            return after + 1;
        }

        var next = after + 1;
        for (var w = next >> 6; w < candidates.Length; w++)
        {
            var bits = candidates[w] & (w == next >> 6 ? ~0UL << (next & 63) : ~0UL);
            if (bits != 0)
            {
                return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
        }

        return _cues.Length;
    }

    private static string Quote(IReadOnlyList<Token> tokens, int start, int length) =>
        $"\"{string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Original))}\"";

    private sealed record CompiledCue(string Target, double Weight, PhrasePattern[][] Groups, bool IsCombination);
}
