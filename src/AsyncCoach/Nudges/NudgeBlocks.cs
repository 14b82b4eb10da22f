using System.Globalization;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Nudges;

/// <summary>
/// Maps a nudge's words onto Block Kit: one section per finding, the why line as context, and
/// the four buttons whose value is the outbox id. Typed blocks only, never JSON by hand.
/// </summary>
public static class NudgeBlocks
{
    public static SlackMessage Build(NudgeContent content, long nudgeId)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = nudgeId.ToString(CultureInfo.InvariantCulture);
        var blocks = new List<Block>();
        foreach (var paragraph in content.Paragraphs)
        {
            blocks.Add(new SectionBlock { BlockId = $"nudge-{id}-{paragraph.RuleId}", Text = new MarkdownText(paragraph.Markdown) });
        }

        blocks.Add(new ContextBlock([new MarkdownText(content.Why)]) { BlockId = $"nudge-{id}-why" });
        blocks.Add(new ActionsBlock(
        [
            new ButtonElement("Thanks", NudgeActions.Thanks, id) { Style = ButtonStyle.Primary },
            new ButtonElement("Not helpful here", NudgeActions.NotHelpful, id),
            new ButtonElement("Snooze for today", NudgeActions.SnoozeToday, id),
            new ButtonElement("Why am I seeing this?", NudgeActions.Why, id),
        ])
        { BlockId = $"nudge-{id}-actions" });
        return new SlackMessage(content.Text, blocks);
    }
}
