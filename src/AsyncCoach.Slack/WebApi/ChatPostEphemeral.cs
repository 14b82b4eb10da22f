using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.WebApi;

/// <summary><c>chat.postEphemeral</c>: visible only to <see cref="User"/>, who must be in the channel.</summary>
public sealed record PostEphemeralRequest(
    string Channel,
    string User,
    string Text,
    IReadOnlyList<Block>? Blocks = null,
    string? ThreadTs = null);

public sealed record PostEphemeralResponse : SlackResponse
{
    public string? MessageTs { get; init; }
}
