namespace AsyncCoach.Core.Taxonomy;

/// <summary>A cue found in a task: what it points to, its weight and the words that matched (<see cref="Length"/> 0 for a combination).</summary>
internal sealed record CueHit(string Target, double Weight, string Evidence, int Position, int Length = 0);

/// <summary>
/// Finds weighted cues in a task. Combinations are tried first, then single phrases longest first
/// (heaviest first among equally long ones);
/// a word used by one cue cannot be used by another, so "merge conflict" hides "conflict" and
/// "approve" + "budget" hides the lone "approve".
/// </summary>
internal sealed class CueMatcher
{
    private readonly IReadOnlyList<CompiledCue> _cues;

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
    }

    public IReadOnlyList<CueHit> Match(IReadOnlyList<Token> tokens)
    {
        var consumed = new bool[tokens.Count];
        var hits = new List<CueHit>();
        // Most phrases name a word the task does not contain: skip them without a scan (the data has grown
        // with other languages' lexicons).
        var words = tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var cue in _cues)
        {
            if (CannotMatch(cue, words))
            {
                continue;
            }

            var trial = (bool[])consumed.Clone();
            var spans = new List<(int Start, int Length)>();
            foreach (var group in cue.Groups)
            {
                var found = group.Where(p => p.AnchorWord is not { } w || words.Contains(w))
                    .SelectMany(p => p.Matches(tokens, trial).Select(start => (Start: start, p.Length))).ToList();
                if (found.Count == 0)
                {
                    spans.Clear();
                    break;
                }

                var first = found.MinBy(f => f.Start);
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

    // A group none of whose phrases can match (each names a word the task lacks) rules the cue out. A plain
    // loop: a lambda here cost one delegate per cue per task, most of the classifier's allocation.
    private static bool CannotMatch(CompiledCue cue, HashSet<string> words)
    {
        foreach (var group in cue.Groups)
        {
            var none = true;
            foreach (var pattern in group)
            {
                if (pattern.AnchorWord is not { } word || words.Contains(word))
                {
                    none = false;
                    break;
                }
            }

            if (none)
            {
                return true;
            }
        }

        return false;
    }

    private static string Quote(IReadOnlyList<Token> tokens, int start, int length) =>
        $"\"{string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Original))}\"";

    private sealed record CompiledCue(string Target, double Weight, PhrasePattern[][] Groups, bool IsCombination);
}
