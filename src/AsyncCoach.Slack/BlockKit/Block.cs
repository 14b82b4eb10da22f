using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>A layout block; <c>type</c> is written from the concrete record. Limits: <see cref="BlockKitLimits"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(InputBlock), "input")]
public abstract record Block
{
    /// <summary>At most 255 chars, unique within a message; Slack echoes it in interactions.</summary>
    public string? BlockId { get; init; }
}
