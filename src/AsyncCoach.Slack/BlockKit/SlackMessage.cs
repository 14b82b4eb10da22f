using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>
/// A message as composed: <see cref="Text"/> is the notification and accessibility fallback Slack
/// wants alongside blocks; turn it into a request for whichever way it is sent.
/// </summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks)
{
    public SlackMessage(string text)
        : this(text, [])
    {
    }

    /// <summary>Block Kit limits for a message, plus a non-empty fallback text.</summary>
    public IReadOnlyList<BlockKitViolation> Validate()
    {
        var violations = new List<BlockKitViolation>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            violations.Add(new("text", "the fallback text is empty; Slack uses it for notifications and screen readers"));
        }

        violations.AddRange(BlockKitLimits.Validate(Blocks, BlockSurface.Message));
        return violations;
    }

    public PostEphemeralRequest ToPostEphemeral(string channel, string user, string? threadTs = null) =>
        new(channel, user, Text, BlocksOrNull, threadTs);

    public PostMessageRequest ToPostMessage(string channel, string? threadTs = null) =>
        new(channel, Text, BlocksOrNull, threadTs);

    public ScheduleMessageRequest ToScheduledMessage(string channel, DateTimeOffset postAt, string? threadTs = null) =>
        new(channel, Text, postAt, BlocksOrNull, threadTs);

    /// <summary>For a <c>response_url</c>; <paramref name="replaceOriginal"/> edits the message the user clicked.</summary>
    public ResponseUrlMessage ToResponseUrl(bool inChannel = false, bool? replaceOriginal = null) =>
        new(Text, BlocksOrNull) { ResponseType = inChannel ? "in_channel" : "ephemeral", ReplaceOriginal = replaceOriginal };

    private IReadOnlyList<Block>? BlocksOrNull => Blocks.Count == 0 ? null : Blocks;
}
