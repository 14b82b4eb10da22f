namespace AsyncCoach.Core.Rules;

/// <summary>A word of normalised text: its offset and length.</summary>
public readonly record struct Word(int Start, int Length)
{
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>Splits normalised text (single spaces) into words; returns the count written.</summary>
    public static int Split(ReadOnlySpan<char> text, Span<Word> words)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < words.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            // A plain scan: words are a few letters long, too short for a vectorised search to pay off.
            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            words[count++] = new Word(start, i - start);
        }

        return count;
    }
}
