namespace AsyncCoach.Slack.WebApi;

public sealed record ConversationsMembersResponse : SlackResponse
{
    public IReadOnlyList<string> Members { get; init; } = [];
}

/// <summary>One page of <c>conversations.members</c>; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ConversationMembersPage(IReadOnlyList<string> Members, string? NextCursor);
