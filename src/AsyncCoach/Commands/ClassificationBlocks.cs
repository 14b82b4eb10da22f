using AsyncCoach.Core.Taxonomy;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Commands;

/// <summary>
/// The Block Kit answer to <c>/async classify</c>, built in this one place. Keeps Slack's limits
/// (section text ≤ 3000 characters, a button value ≤ 2000) and always a plain-text fallback.
/// </summary>
public static class ClassificationBlocks
{
    public const string ShareActionId = "classify:share";
    private const int MaxTaskShown = 500;

    /// <summary>The private answer, with a button that shares it in the channel.</summary>
    public static CommandReply Private(string task, Classification result)
    {
        var button = new ButtonElement("Share in channel", ShareActionId, Truncate(task, BlockKitLimits.MaxActionValueLength));
        List<Block> blocks = [.. Body(task, result, sharedBy: null), new ActionsBlock([button]) { BlockId = "classify_actions" }];
        return CommandReply.Ephemeral(Fallback(result), blocks);
    }

    /// <summary>The same answer for the channel, saying who shared it, without the button.</summary>
    public static SlackMessage Shared(string task, Classification result, string userId) =>
        new(Fallback(result), Body(task, result, userId));

    public static string Fallback(Classification result) => string.Join(" ", ClassificationText.Render(result));

    private static List<Block> Body(string task, Classification result, string? sharedBy)
    {
        var headline = result.Tier is { } tier
            ? $"*Tier {tier} of 6: {result.Id}* · recommended mode: *{result.Mode}*"
            : "*Unclear:* I can't place this task on the ladder yet.";
        if (result.Modifiers.Count > 0)
        {
            headline += $"\nModifiers: {string.Join(", ", result.Modifiers)}";
        }

        var asked = sharedBy is null ? "Task" : $"<@{sharedBy}> asked whether this needs a meeting";
        return
        [
            Section($"{asked}: _{SlackText.Escape(Truncate(task, MaxTaskShown))}_"),
            Section(headline),
            Section($"*Next step:* {SlackText.Escape(result.NextStep)}"),
            new ContextBlock([new MarkdownText(Truncate($"Why: {SlackText.Escape(string.Join("; ", result.Why))}", BlockKitLimits.MaxSectionTextLength))]),
        ];
    }

    private static SectionBlock Section(string mrkdwn) => new() { Text = new MarkdownText(Truncate(mrkdwn, BlockKitLimits.MaxSectionTextLength)) };

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
