using System.Text.Json.Nodes;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Commands;

/// <summary>
/// The Block Kit answer to <c>/async classify</c>, built in this one place (with JSON nodes until
/// the typed Block Kit types are merged). Keeps Slack's limits: section text ≤ 3000 characters,
/// a button value ≤ 2000, and always a plain-text fallback.
/// </summary>
public static class ClassificationBlocks
{
    public const string ShareActionId = "classify:share";
    public const int MaxSectionText = 3000;
    public const int MaxButtonValue = 2000;
    private const int MaxTaskShown = 500;

    /// <summary>The private answer, with a button that shares it in the channel.</summary>
    public static CommandReply Private(string task, Classification result)
    {
        var blocks = Body(task, result, sharedBy: null);
        blocks.Add(new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "classify_actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = ShareActionId,
                ["text"] = PlainText("Share in channel"),
                ["value"] = Truncate(task, MaxButtonValue),
            }),
        });
        return CommandReply.Ephemeral(Fallback(result), blocks);
    }

    /// <summary>The same answer, visible to the channel, saying who shared it.</summary>
    public static ResponseUrlPost Shared(string task, Classification result, string userId) =>
        new(Fallback(result), Body(task, result, userId)) { ResponseType = "in_channel", ReplaceOriginal = false };

    public static string Fallback(Classification result) => string.Join(" ", ClassificationText.Render(result));

    private static JsonArray Body(string task, Classification result, string? sharedBy)
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
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["type"] = "mrkdwn",
                    ["text"] = Truncate($"Why: {SlackText.Escape(string.Join("; ", result.Why))}", MaxSectionText),
                }),
            },
        ];
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(mrkdwn, MaxSectionText) },
    };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
