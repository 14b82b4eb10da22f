namespace AsyncCoach.Slack.BlockKit;

/// <summary>Small grey text; at most 10 elements. Image elements are not modelled (not needed yet).</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;
