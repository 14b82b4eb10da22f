using System.Globalization;

namespace AsyncCoach.Core.Digests;

/// <summary>One part of a digest as plain lines; renderers add their own markup around the title.</summary>
public sealed record DigestSection(string Id, string Title, IReadOnlyList<string> Lines);

/// <summary>
/// The digest in words, section by section, shared by the text and Block Kit renderers. Lines
/// carry no markup and no person: counts, rule titles, channels, time slots and practices.
/// </summary>
public static class DigestSections
{
    public static string Heading(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return $"Your team's week, {DigestWording.Week(digest.WeekStart, digest.WeekEnd)}";
    }

    public static IReadOnlyList<DigestSection> Compose(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var sections = new List<DigestSection> { new("summary", "This week", Summary(digest)) };
        if (digest.Kind is DigestKind.Full or DigestKind.NewTeam)
        {
            sections.Add(new("rules", "Findings by rule", Rules(digest)));
        }

        if (digest.Channels.Count > 0)
        {
            sections.Add(new("channels", "Channels with the most findings",
                [.. digest.Channels.Select(c => Invariant($"{ChannelName(c)}: {c.Findings}"))]));
        }

        if (digest.AfterHours is { } afterHours)
        {
            sections.Add(new("after-hours", "After hours", AfterHours(afterHours)));
        }

        if (digest.Nudges.Count > 0)
        {
            sections.Add(new("nudges", "How nudges landed", Nudges(digest)));
        }

        if (digest.Flagged.Count > 0)
        {
            sections.Add(new("flagged", "Worth a look", [.. digest.Flagged.Select(f => Invariant(
                $"{DigestWording.RuleTitle(f.RuleId)}: {f.NotHelpful} of {f.Answers} answers to its nudges were \"Not helpful here\". Tune it for your team with /async norms set {f.NormKey} …"))]));
        }

        if (digest.Suggestions.Count > 0)
        {
            sections.Add(new("suggestions", digest.Suggestions.Count == 1 ? "One thing to try" : "Two things to try",
                [.. digest.Suggestions.Select(s => s.Text)]));
        }

        if (digest.Lead is { } lead)
        {
            sections.Add(new("lead", "Your own week (only you see this)", Lead(lead)));
        }

        return sections;
    }

    private static List<string> Summary(Digest digest)
    {
        var lines = new List<string>();
        if (digest.Late)
        {
            lines.Add("Sent late: AsyncCoach was not running at your usual digest time.");
        }

        var findings = Invariant($"{digest.Totals.ThisWeek} {Plural(digest.Totals.ThisWeek, "finding", "findings")}");
        switch (digest.Kind)
        {
            case DigestKind.Quiet:
                lines.Add("A quiet week: AsyncCoach found nothing to nudge about. Nothing to do here.");
                break;
            case DigestKind.BelowFloor:
                lines.Add(Invariant($"{findings} across the team this week. With fewer than {digest.MinGroup} people active, no breakdown is shown."));
                break;
            case DigestKind.NewTeam:
                lines.Add(Invariant($"{findings} this week. This is the first week AsyncCoach has seen, so changes and trends start next week."));
                break;
            default:
                lines.Add(Invariant($"{findings} this week, {Versus(digest.Totals.ThisWeek, digest.Totals.LastWeek)}."));
                break;
        }

        return lines;
    }

    private static List<string> Rules(Digest digest)
    {
        var lines = new List<string>();
        foreach (var rule in digest.Rules.Where(r => r.Shown))
        {
            var change = DigestWording.Change(rule.Change);
            lines.Add(Invariant($"{Sparkline.Render(rule.Trend!)}  {DigestWording.RuleTitle(rule.RuleId)}: {rule.ThisWeek}{(change.Length > 0 ? "  " + change : "")}"));
        }

        if (digest.Other.ThisWeek > 0 || lines.Count == 0)
        {
            lines.Add(Invariant($"Other (rules with fewer than {digest.MinGroup} people): {digest.Other.ThisWeek}"));
        }

        return lines;
    }

    private static List<string> AfterHours(DigestAfterHours afterHours)
    {
        var share = Invariant($"{DigestWording.Percent(afterHours.Share)} of {afterHours.Messages} messages reached someone outside their working hours");
        var lines = new List<string>
        {
            afterHours.LastWeekShare is { } before ? Invariant($"{share} ({DigestWording.Percent(before)} last week).") : share + ".",
        };
        if (afterHours.Slots.Count > 0)
        {
            lines.Add("Most often: " + string.Join(", ", afterHours.Slots.Select(s => Invariant($"{DigestWording.Slot(s.Day, s.Part)} ({s.AfterHours})")))
                + (afterHours.FoldedAfterHours > 0 ? Invariant($"; other times: {afterHours.FoldedAfterHours}") : "") + ".");
        }

        return lines;
    }

    private static List<string> Nudges(Digest digest)
    {
        var lines = digest.Nudges.Where(n => n.Shown).Select(n => Invariant(
            $"{DigestWording.RuleTitle(n.RuleId)}: {n.Delivered} delivered, {n.Thanks} Thanks, {n.NotHelpful} Not helpful")).ToList();
        var folded = digest.Nudges.Count(n => !n.Shown);
        if (folded > 0)
        {
            lines.Add(Invariant($"{folded} other {Plural(folded, "rule", "rules")} nudged fewer than {digest.MinGroup} people."));
        }

        return lines;
    }

    private static List<string> Lead(DigestLead lead)
    {
        var (now, before) = (lead.ThisWeek, lead.LastWeek);
        var lines = new List<string>
        {
            Invariant($"After-hours pings: {now.AfterHoursPings} (last week {before.AfterHoursPings}), reaching {now.PeopleReachedAfterHours} {Plural(now.PeopleReachedAfterHours, "person", "people")} outside their hours."),
            Invariant($"Calls proposed instead of a thread: {now.CallsProposed} (last week {before.CallsProposed})."),
            Invariant($"All your findings: {now.Findings} (last week {before.Findings})."),
        };
        lines.Add(now.NudgesDelivered == 0
            ? "No nudges reached you this week."
            : Invariant($"Nudges to you: {now.NudgesDelivered}; you answered {now.Thanks} Thanks, {now.NotHelpful} Not helpful."));
        if (now.AfterHoursPings > 0 || now.CallsProposed > 0)
        {
            lines.Add("Your team takes its cue from you: a message scheduled for their morning, or a thread instead of a call, shows them it is fine to wait.");
        }

        return lines;
    }

    private static string ChannelName(DigestChannel channel) => channel.Name is { Length: > 0 } name ? "#" + name : channel.ChannelId;

    private static string Versus(int now, int? before) => before switch
    {
        null => "no data for last week",
        { } b when b == now => "the same as last week",
        { } b => Invariant($"{DigestWording.Change(now - b)} from {b} last week"),
    };

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
