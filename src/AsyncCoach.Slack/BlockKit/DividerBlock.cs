namespace AsyncCoach.Slack.BlockKit;

public sealed record DividerBlock : Block;
