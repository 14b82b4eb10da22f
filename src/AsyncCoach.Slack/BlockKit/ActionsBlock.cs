namespace AsyncCoach.Slack.BlockKit;

/// <summary>Interactive elements in a row; at most 25.</summary>
public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;
