using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Commands;

/// <summary>What a slash command answers: ephemeral unless said otherwise, with optional Block Kit.</summary>
public sealed record CommandReply(string Text, string ResponseType = "ephemeral", IReadOnlyList<Block>? Blocks = null)
{
    public static CommandReply Ephemeral(string text, IReadOnlyList<Block>? blocks = null) => new(text, "ephemeral", blocks);

    /// <summary>
    /// The JSON body, the same for the HTTP response and for a <c>response_url</c> post
    /// (<c>text</c>, <c>response_type</c>, <c>blocks</c>).
    /// </summary>
    public ResponseUrlMessage ToMessage() => new(Text, Blocks is { Count: > 0 } ? Blocks : null) { ResponseType = ResponseType };
}
