using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Rules;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.AppHome;

/// <summary>
/// Lays out a person's Home tab from <see cref="HomePageModel"/>: hours with a button for the
/// modal, nudge state with its buttons, their own last four weeks by rule, the team's norms, and
/// for leads their digest. Pure; the result is checked against Block Kit's Home tab limits.
/// </summary>
public static class HomePage
{
    /// <summary>Rules shown one section each; the rest are summed in one line (the tab holds 100 blocks).</summary>
    public const int MaxRuleSections = 20;

    public static HomeView Build(HomePageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var blocks = new List<Block> { new HeaderBlock("Your AsyncCoach") { BlockId = "title" } };
        AddHours(blocks, model.Hours);
        blocks.Add(new DividerBlock());
        AddNudges(blocks, model.Nudges);
        blocks.Add(new DividerBlock());
        AddFindings(blocks, model.Findings);
        blocks.Add(new DividerBlock());
        AddText(blocks, "norms", model.NormsText);
        if (model.Lead is { } lead)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(SectionBlock.Markdown("*Your weekly digest* (you're one of the team's leads)", "digest-title"));
            AddText(blocks, "digest", lead.DigestText);
            blocks.Add(new ActionsBlock([new ButtonElement("Preview digest", HomeActions.PreviewDigest)]) { BlockId = "digest-actions" });
            blocks.Add(new ContextBlock([new MarkdownText("The preview is this week so far, sent to you alone in AsyncCoach's messages.")]) { BlockId = "digest-note" });
        }

        return new HomeView(blocks);
    }

    private static void AddHours(List<Block> blocks, HomeHours hours)
    {
        blocks.Add(new SectionBlock
        {
            BlockId = "hours",
            Text = new MarkdownText($"*Your working hours:* {hours.Text} ({hours.Zone})"),
            Accessory = new ButtonElement("Change", HomeActions.EditHours),
        });
        blocks.Add(new ContextBlock([new MarkdownText(hours.Own
            ? "AsyncCoach tells people who ping you outside these hours."
            : "These are your team's hours: set your own to change when people are told you're off.")])
        { BlockId = "hours-note" });
    }

    private static void AddNudges(List<Block> blocks, HomeNudgeState state)
    {
        var (text, buttons) = state switch
        {
            { OptedOut: true } => (
                "*Nudges:* off. You opted out, so AsyncCoach doesn't send you tips.",
                new List<BlockElement> { new ButtonElement("Opt back in", HomeActions.OptIn) { Style = ButtonStyle.Primary } }),
            { SnoozedUntil: { } until } => (
                $"*Nudges:* snoozed until {until}.",
                new List<BlockElement> { new ButtonElement("Resume now", HomeActions.Resume) { Style = ButtonStyle.Primary } }),
            _ => (
                "*Nudges:* on. You get a private tip when a message could work better async.",
                new List<BlockElement>
                {
                    new ButtonElement("Snooze 1 hour", HomeActions.SnoozeHour),
                    new ButtonElement("Snooze 1 day", HomeActions.SnoozeDay),
                }),
        };
        if (!state.OptedOut)
        {
            buttons.Add(new ButtonElement("Opt out", HomeActions.OptOut) { Style = ButtonStyle.Danger });
        }

        blocks.Add(SectionBlock.Markdown(text, "nudges"));
        blocks.Add(new ActionsBlock(buttons) { BlockId = "nudge-actions" });
    }

    private static void AddFindings(List<Block> blocks, IReadOnlyList<Storage.RuleWeeks> findings)
    {
        blocks.Add(SectionBlock.Markdown("*Your last 4 weeks* (only you can see this)", "findings"));
        var rules = findings.Where(f => f.Total > 0)
            .OrderBy(f => RuleIds.IsKnown(f.RuleId) ? 0 : 1).ThenByDescending(f => f.Week4).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        if (rules.Count == 0)
        {
            blocks.Add(SectionBlock.Markdown("No findings at all. Nice.", "findings-none"));
            return;
        }

        foreach (var rule in rules.Take(MaxRuleSections))
        {
            blocks.Add(SectionBlock.Markdown(
                $"*{rule.RuleId}*: {rule.Week4} in the last 7 days ({Change(rule.Week3, rule.Week4)} on the week before) `{Sparkline.Render([(int)rule.Week1, (int)rule.Week2, (int)rule.Week3, (int)rule.Week4])}`",
                "rule-" + rule.RuleId));
        }

        if (rules.Count > MaxRuleSections)
        {
            var rest = rules.Skip(MaxRuleSections).ToList();
            blocks.Add(SectionBlock.Markdown($"…and {rest.Count} more rules: {rest.Sum(r => r.Total)} findings in 4 weeks.", "rule-more"));
        }

        blocks.Add(new ContextBlock([new MarkdownText("Oldest week first. `/async stats` shows how your nudges landed.")]) { BlockId = "findings-note" });
    }

    /// <summary>Sections one piece of text may take (the norms list every exempt channel).</summary>
    public const int MaxTextSections = 20;

    /// <summary>
    /// Text longer than one section holds, split at line ends (or, inside a long line such as a
    /// list of channels, after a comma or space); past <see cref="MaxTextSections"/> it is cut.
    /// </summary>
    private static void AddText(List<Block> blocks, string blockId, string text)
    {
        const int max = BlockKitLimits.MaxSectionTextLength;
        var rest = text.AsSpan().TrimEnd();
        for (var section = 0; rest.Length > 0; section++)
        {
            if (section == MaxTextSections - 1 && rest.Length > max)
            {
                blocks.Add(SectionBlock.Markdown(string.Concat(rest[..(max - 1)], "…"), Id(blockId, section)));
                return;
            }

            var cut = rest.Length <= max ? rest.Length : BreakBefore(rest[..max]);
            blocks.Add(SectionBlock.Markdown(rest[..cut].TrimEnd().ToString(), Id(blockId, section)));
            rest = rest[cut..].TrimStart();
        }
    }

    // The last line end, else the last ", " or space, that leaves a non-empty piece; else all of it.
    private static int BreakBefore(ReadOnlySpan<char> piece)
    {
        foreach (var separator in (ReadOnlySpan<string>)["\n", ", ", " "])
        {
            var at = piece.LastIndexOf(separator.AsSpan());
            if (at > 0)
            {
                return at + separator.Length;
            }
        }

        return piece.Length;
    }

    /// <summary>The change from the week before: ▲2, ▼1 or "no change".</summary>
    private static string Change(long previous, long current) => (current - previous) switch
    {
        > 0 and var up => $"▲{up}",
        < 0 and var down => $"▼{-down}",
        _ => "no change",
    };

    private static string Id(string blockId, int section) => section == 0 ? blockId : $"{blockId}-{section + 1}";
}
