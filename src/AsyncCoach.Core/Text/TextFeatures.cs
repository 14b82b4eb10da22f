namespace AsyncCoach.Core.Text;

/// <summary>What normalisation removed from a message, for rules that care that it was there.</summary>
[Flags]
public enum TextFeatures
{
    None = 0,
    UserMention = 1,
    Broadcast = 2,
    Link = 4,
    Emoji = 8,
    ChannelLink = 16,

    /// <summary>A quoted line (<c>&gt;</c>, <c>&gt;&gt;&gt;</c>): someone else's words, dropped before matching.</summary>
    Quote = 32,

    /// <summary>Inline code or a code block: literal text, dropped before matching.</summary>
    Code = 64,

    /// <summary>A question mark in the author's own words (not in a quote or code).</summary>
    Question = 128,
}
