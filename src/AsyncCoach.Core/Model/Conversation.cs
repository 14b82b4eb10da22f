namespace AsyncCoach.Core.Model;

/// <summary>
/// A conversation as far as the rules need it. <see cref="Members"/> lists who is in it
/// (needed for DMs, group DMs and <c>&lt;!channel&gt;</c>); <see cref="MemberCount"/> counts
/// human, active members (bots and deactivated users excluded), for broadcast-overuse.
/// </summary>
public sealed record Conversation(
    ChannelId Id,
    ConversationKind Kind,
    IReadOnlyList<UserId> Members,
    int MemberCount,
    string? Name = null);
