using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.WebApi;

/// <summary><c>chat.postMessage</c>. <see cref="Channel"/> may be a user id to DM through the app's Messages tab.</summary>
public sealed record PostMessageRequest(
    string Channel,
    string Text,
    IReadOnlyList<Block>? Blocks = null,
    string? ThreadTs = null)
{
    public bool? UnfurlLinks { get; init; }

    public bool? UnfurlMedia { get; init; }
}

public sealed record PostMessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}
