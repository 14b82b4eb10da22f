using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.BlockKit;

/// <summary>A layout block; <c>type</c> is written from the concrete record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
public abstract record Block
{
    public string? BlockId { get; init; }
}
