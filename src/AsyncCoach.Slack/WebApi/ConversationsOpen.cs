namespace AsyncCoach.Slack.WebApi;

/// <summary><c>conversations.open</c>: one user id opens a DM, 2–8 an MPIM.</summary>
public sealed record OpenConversationRequest(IReadOnlyList<string> Users)
{
    public bool? ReturnIm { get; init; }
}

public sealed record OpenConversationResponse : SlackResponse
{
    public SlackConversation? Channel { get; init; }

    public bool NoOp { get; init; }

    public bool AlreadyOpen { get; init; }
}
