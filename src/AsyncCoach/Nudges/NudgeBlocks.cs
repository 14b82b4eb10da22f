using System.Globalization;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Nudges;

/// <summary>Maps a nudge's words onto Block Kit: one section per finding, the why line, the buttons.</summary>
public static class NudgeBlocks
{
    public static IReadOnlyList<Block> Build(NudgeContent content, long nudgeId)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = nudgeId.ToString(CultureInfo.InvariantCulture);
        var blocks = new List<Block>();
        foreach (var paragraph in content.Paragraphs)
        {
            blocks.Add(new SectionBlock { BlockId = $"nudge-{id}-{paragraph.RuleId}", Text = new MarkdownText(paragraph.Markdown) });
        }

        blocks.Add(new SectionBlock { BlockId = $"nudge-{id}-why", Text = new MarkdownText(content.Why) });
        return blocks;
    }
}
