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

// Repeating the discriminator here writes "type" where a property is declared as PlainText
// (header and button text); polymorphism from TextObject alone would leave it out. STJ
// refuses polymorphism on sealed types, hence the one unsealed record.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
public record PlainText(string Text) : TextObject(Text)
{
    public bool? Emoji { get; init; }
}
