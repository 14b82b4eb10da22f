namespace AsyncCoach.Commands;

/// <summary>Splits command text into its first word (lower case) and the rest.</summary>
public static class CommandText
{
    public static (string Word, string Remainder) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0
            ? (trimmed.ToLowerInvariant(), "")
            : (trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }
}
