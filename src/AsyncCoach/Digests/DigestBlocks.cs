using AsyncCoach.Core.Digests;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Digests;

/// <summary>
/// Maps a digest onto Block Kit for the lead's DM: a header, one section per part of the digest
/// (the lead's own habits after a divider) and the privacy floor as context at the foot. A
/// digest has at most a dozen blocks whatever the team's size, well under Slack's 50.
/// </summary>
public static class DigestBlocks
{
    public static SlackMessage Build(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var heading = DigestSections.Heading(digest);
        var sections = DigestSections.Compose(digest);
        var blocks = new List<Block> { new HeaderBlock(Fit(heading, BlockKitLimits.MaxHeaderTextLength)) { BlockId = "digest-header" } };
        foreach (var section in sections)
        {
            if (section.Id == "lead")
            {
                blocks.Add(new DividerBlock { BlockId = "digest-lead-divider" });
            }

            var text = $"*{Escape(section.Title)}*\n{string.Join('\n', section.Lines.Select(Escape))}";
            blocks.Add(SectionBlock.Markdown(Fit(text, BlockKitLimits.MaxSectionTextLength), $"digest-{section.Id}"));
        }

        blocks.Add(new ContextBlock([new MarkdownText(Fit(Escape(digest.Footer), BlockKitLimits.MaxSectionTextLength))]) { BlockId = "digest-footer" });
        var summary = sections[0].Lines[^1];
        return new SlackMessage($"{heading}: {summary}", blocks);
    }

    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters (slack-platform.md §11).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Fit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
