using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>An interactive element (in an actions block or as a section accessory).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
public abstract record BlockElement
{
    /// <summary>At most 255 chars, unique within its block; identifies the action in interactions.</summary>
    public string? ActionId { get; init; }
}
