namespace AsyncCoach.Slack.BlockKit;

/// <summary>Large bold plain text; at most 150 chars.</summary>
public sealed record HeaderBlock(PlainText Text) : Block
{
    public HeaderBlock(string text)
        : this(new PlainText(text))
    {
    }
}
