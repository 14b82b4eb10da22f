using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// A message posted to a slash command's or interaction's <c>response_url</c> (at most 5 times
/// within 30 minutes). <see cref="ResponseType"/> is <c>ephemeral</c> (Slack's default) or <c>in_channel</c>.
/// </summary>
public sealed record ResponseUrlMessage(string Text, IReadOnlyList<Block>? Blocks = null)
{
    public string? ResponseType { get; init; }

    public bool? ReplaceOriginal { get; init; }

    public bool? DeleteOriginal { get; init; }

    public string? ThreadTs { get; init; }
}
