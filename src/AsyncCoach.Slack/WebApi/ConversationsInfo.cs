namespace AsyncCoach.Slack.WebApi;

public sealed record ConversationsInfoResponse : SlackResponse
{
    public SlackConversation? Channel { get; init; }
}

/// <summary>A conversation from <c>conversations.info</c> or <c>conversations.open</c>.</summary>
public sealed record SlackConversation
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public bool IsChannel { get; init; }

    public bool IsGroup { get; init; }

    public bool IsIm { get; init; }

    public bool IsMpim { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsArchived { get; init; }

    public bool IsGeneral { get; init; }

    public bool IsMember { get; init; }

    public bool IsExtShared { get; init; }

    /// <summary>Present only when asked for with <c>include_num_members</c>.</summary>
    public int? NumMembers { get; init; }

    /// <summary>For an IM: the other member's user id.</summary>
    public string? User { get; init; }

    public long Created { get; init; }
}
