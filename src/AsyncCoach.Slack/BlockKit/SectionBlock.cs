namespace AsyncCoach.Slack.BlockKit;

public sealed record SectionBlock : Block
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }
}
