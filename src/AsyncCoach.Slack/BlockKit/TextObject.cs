using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>A composition text object: <c>mrkdwn</c> or <c>plain_text</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MarkdownText), "mrkdwn")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
public abstract record TextObject(string Text);

public sealed record MarkdownText(string Text) : TextObject(Text)
{
    public bool? Verbatim { get; init; }
}

public sealed record PlainText(string Text) : TextObject(Text)
{
    public bool? Emoji { get; init; }
}
