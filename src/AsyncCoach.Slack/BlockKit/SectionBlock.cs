namespace AsyncCoach.Slack.BlockKit;

/// <summary>Text (≤3000 chars) and/or up to 10 fields (≤2000 chars each), with an optional accessory.</summary>
public sealed record SectionBlock : Block
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }

    public BlockElement? Accessory { get; init; }

    public static SectionBlock Markdown(string text, string? blockId = null) =>
        new() { Text = new MarkdownText(text), BlockId = blockId };
}
