namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// A phrase from taxonomy.en.json, matched word by word. Pattern words: a literal (<c>review</c>),
/// a prefix (<c>announc*</c>), any one word (<c>_</c>), the start of the text (<c>^</c>),
/// a person (<c>{person}</c>: he/she/his/her… or a capitalised possessive such as "Sam's")
/// or a name (<c>{name}</c>: a capitalised word that is not the first and not in <c>not_names</c>).
/// </summary>
internal sealed class PhrasePattern
{
    private static readonly HashSet<string> PersonWords =
        new(["he", "she", "him", "her", "his", "hers", "he's", "she's", "they're"], StringComparer.Ordinal);

    private readonly string[] _parts;
    private readonly bool _anchored;
    private readonly IReadOnlySet<string> _notNames;

    public PhrasePattern(string phrase, IReadOnlySet<string> notNames)
    {
        // Phrases are written the way the tokenizer splits text, so splitting on spaces is enough.
        var parts = Tokenizer.Fold(phrase.ToLowerInvariant()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _anchored = parts.Length > 0 && parts[0] == "^";
        _parts = [.. parts.Skip(_anchored ? 1 : 0)];
        if (_parts.Length == 0)
        {
            throw new ArgumentException($"Empty phrase '{phrase}'.", nameof(phrase));
        }

        _notNames = notNames;
        Phrase = phrase;
        AnchorWord = _parts.FirstOrDefault(p => p is not ("_" or "{person}" or "{name}") && !p.EndsWith('*'));
        RequiredWords = [.. _parts.Where(p => p is not ("_" or "{person}" or "{name}") && !IsPrefix(p)).Distinct()];
        RequiredStems = [.. _parts.Where(IsPrefix).Select(p => p[..^1]).Distinct()];
    }

    /// <summary>The words a task must hold for the phrase to match (its literal parts).</summary>
    public IReadOnlyList<string> RequiredWords { get; }

    /// <summary>The stems some word of a task must start with for the phrase to match (its prefix parts, "announc*" → "announc").</summary>
    public IReadOnlyList<string> RequiredStems { get; }

    /// <summary>A word the text must contain for the phrase to match (its first literal), or null; lets a matcher skip it cheaply.</summary>
    public string? AnchorWord { get; }

    public string Phrase { get; }

    public int Length => _parts.Length;

    /// <summary>Every start index where the pattern matches words not yet consumed.</summary>
    public IEnumerable<int> Matches(IReadOnlyList<Token> tokens, bool[] consumed)
    {
        var last = _anchored ? 0 : tokens.Count - _parts.Length;
        for (var start = 0; start <= last && start + _parts.Length <= tokens.Count; start++)
        {
            if (MatchesAt(tokens, consumed, start))
            {
                yield return start;
            }
        }
    }

    private bool MatchesAt(IReadOnlyList<Token> tokens, bool[] consumed, int start)
    {
        for (var i = 0; i < _parts.Length; i++)
        {
            var token = tokens[start + i];
            if (consumed[start + i] || !PartMatches(_parts[i], token))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrefix(string part) => part.Length > 1 && part.EndsWith('*');

    // A verb's prefix does not match the person who does it: "publish*" is not "publisher(s)".
    private static bool IsAgentNoun(string word, int prefix) =>
        word.Length > prefix && (word.EndsWith("er", StringComparison.Ordinal) || word.EndsWith("ers", StringComparison.Ordinal)) && word.Length - prefix <= 3;

    private bool PartMatches(string part, Token token) => part switch
    {
        "_" => true,
        "{person}" => PersonWords.Contains(token.Text) || (token.Index > 0 && token.IsCapitalised && token.Text.EndsWith("'s", StringComparison.Ordinal)),
        "{name}" => token.Index > 0 && token.IsCapitalised && !_notNames.Contains(token.Text),
        _ when IsPrefix(part) => token.Text.AsSpan().StartsWith(part.AsSpan(0, part.Length - 1), StringComparison.Ordinal) && !IsAgentNoun(token.Text, part.Length - 1),
        _ => token.Text == part,
    };
}
