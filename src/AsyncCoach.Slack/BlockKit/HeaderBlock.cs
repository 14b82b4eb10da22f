using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>Large bold plain text; at most 150 chars.</summary>
public sealed record HeaderBlock : Block
{
    [JsonConstructor]
    public HeaderBlock(PlainText text) => Text = text;

    public HeaderBlock(string text)
        : this(new PlainText(text))
    {
    }

    public PlainText Text { get; init; }
}
