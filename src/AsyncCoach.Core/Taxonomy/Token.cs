using System.Text.RegularExpressions;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>One word of a task: lower-cased for matching, original for display and name checks.</summary>
internal sealed record Token(string Text, string Original, int Index)
{
    /// <summary>A full stop, semicolon, exclamation or question mark comes before it: a new sentence, so a new step of the task.</summary>
    public bool StartsSentence { get; init; }

    public bool IsCapitalised => Original.Length > 1 && char.IsUpper(Original[0]) && Original.Skip(1).Any(char.IsLower);
}

internal static partial class Tokenizer
{
    // Keeps "1:1", "go/no-go", "q&a", "won't", "v2.3", "#general" and "?" as single tokens.
    [GeneratedRegex(@"#[\p{L}\p{N}_-]+|[\p{L}\p{N}]+(?:[':/&.\-][\p{L}\p{N}]+)*|\?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var normalised = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-');
        var tokens = new List<Token>();
        var end = 0;
        foreach (Match match in Word().Matches(normalised))
        {
            var gap = normalised.AsSpan(end, match.Index - end);
            tokens.Add(new Token(match.Value.ToLowerInvariant(), match.Value, tokens.Count) { StartsSentence = tokens.Count > 0 && gap.IndexOfAny(".;!") >= 0 });
            end = match.Index + match.Length;
        }

        return tokens;
    }
}
