using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AsyncCoach.Core.Taxonomy;

/// <summary>One word of a task: lower-cased for matching, original for display and name checks.</summary>
internal sealed record Token(string Text, string Original, int Index)
{
    /// <summary>A full stop, semicolon, exclamation or question mark comes before it: a new sentence, so a new step of the task.</summary>
    public bool StartsSentence { get; init; }

    /// <summary>A comma, colon or dash comes before it: a new clause or a new item of a list ("sales, legal, finance and IT").</summary>
    public bool AfterComma { get; init; }

    public bool IsCapitalised => Original.Length > 1 && char.IsUpper(Original[0]) && Original.Skip(1).Any(char.IsLower);
}

internal static partial class Tokenizer
{
    // Keeps "1:1", "go/no-go", "q&a", "won't", "v2.3", "#general" and "?" as single tokens.
    [GeneratedRegex(@"#[\p{L}\p{N}_-]+|[\p{L}\p{N}]+(?:[':/&.\-][\p{L}\p{N}]+)*|\?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>
    /// The words of a task. Accents are folded for matching ("reunión" matches "reunion", since chat
    /// often drops them) and chat shorthand is spelt out (<paramref name="shorthand"/>: "u" → "you").
    /// </summary>
    public static IReadOnlyList<Token> Tokenize(string text, IReadOnlyDictionary<string, string>? shorthand = null)
    {
        var normalised = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-');
        var tokens = new List<Token>();
        var end = 0;
        foreach (Match match in Word().Matches(normalised))
        {
            var gap = normalised.AsSpan(end, match.Index - end);
            var word = Fold(match.Value.ToLowerInvariant());
            if (shorthand is not null && shorthand.TryGetValue(word, out var spelt))
            {
                word = spelt;
            }
            else if (word == "2" && tokens.Count > 0 && tokens[^1].Text is "need" or "want" or "have" or "going" or "got")
            {
                word = "to"; // "need 2 know"
            }

            tokens.Add(new Token(word, match.Value, tokens.Count)
            {
                StartsSentence = tokens.Count > 0 && gap.IndexOfAny(".;!") >= 0,
                AfterComma = tokens.Count > 0 && (gap.IndexOfAny(",:(") >= 0 || gap.Trim().SequenceEqual("-")),
            });
            end = match.Index + match.Length;
        }

        return tokens;
    }

    // "é" → "e", "ñ" → "n"; ASCII words (nearly all) are returned as they are.
    internal static string Fold(string word)
    {
        if (Ascii.IsValid(word))
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
