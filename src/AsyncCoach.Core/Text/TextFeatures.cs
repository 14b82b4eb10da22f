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
}
