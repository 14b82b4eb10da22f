using System.Globalization;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Nudges;

/// <summary>
/// Words for a nudge, tailored to each finding: warm, short, concrete. Pure; the wording is
/// snapshot-tested, so a change here updates the snapshot files deliberately.
/// </summary>
public static class NudgeComposer
{
    private const int MaxNamedRecipients = 5;

    public static NudgeContent Compose(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            throw new ArgumentException("A nudge needs at least one finding.", nameof(findings));
        }

        var paragraphs = findings.Select(f => new NudgeParagraph(f.RuleId, Paragraph(f))).ToList();
        var text = "A quick async tip about your last message: " + Headline(findings[0].RuleId);
        var why = findings.Count == 1
            ? $"Why: your team's norms include the _{findings[0].RuleId}_ tip. Tap *Why am I seeing this?* to see how to change it."
            : $"Why: your team's norms include the {string.Join(", ", findings.Select(f => "_" + f.RuleId + "_"))} tips. Tap *Why am I seeing this?* to see how to change them.";
        return new NudgeContent(text, paragraphs, why);
    }

    /// <summary>The explanation behind "Why am I seeing this?".</summary>
    public static string Explain(IReadOnlyList<string> ruleIds) =>
        "AsyncCoach looks at messages against your team's async norms and, at most a few times a day, sends the author a private tip. " +
        "Only you saw this one. " +
        $"It was about: {string.Join(", ", ruleIds.Select(r => "_" + r + "_"))}. " +
        "Your team can change or switch off a tip with `/async norms`; you can pause tips with *Snooze for today* or stop them with `/async optout`.";

    private static string Headline(string ruleId) => ruleId switch
    {
        RuleIds.AfterHoursPing => "it reaches someone outside their working hours.",
        RuleIds.MissingContext => "add the context and the ask.",
        RuleIds.HuddleInsteadOfThread => "could this be a thread?",
        RuleIds.BroadcastOveruse => "a broadcast notifies everyone here.",
        RuleIds.MessageBurst => "one complete message beats several short ones.",
        RuleIds.VagueUrgency => "say by when, and why.",
        _ => "a small change could save someone a notification.",
    };

    private static string Paragraph(Finding finding) => finding.RuleId switch
    {
        RuleIds.AfterHoursPing => AfterHours(finding),
        RuleIds.MissingContext => MissingContext(finding),
        RuleIds.HuddleInsteadOfThread =>
            "*Could this be a thread?* Write down the question or the decision you need right here, so people can answer when they're free. " +
            "If it still needs a call, a two-line summary in the thread afterwards keeps everyone else in the loop.",
        RuleIds.BroadcastOveruse =>
            $"*{Quote(finding.Evidence.Count > 0 ? finding.Evidence[0] : "@channel")} notifies everyone in this channel.* " +
            "If only a few people need to act, mention just them; otherwise the message works fine without the broadcast.",
        RuleIds.MessageBurst =>
            "*Each message is a notification.* Several short messages in a row ping people several times; " +
            "next time, try one complete message (you can edit a message instead of adding a line).",
        RuleIds.VagueUrgency =>
            $"*{Quote(finding.Evidence.Count > 0 ? finding.Evidence[0] : "urgent")} doesn't say by when.* " +
            "A deadline and a reason help people plan around it, for example: _by Thu 15:00 CET, because the release freezes_.",
        _ => finding.Suggestion,
    };

    private static string AfterHours(Finding finding)
    {
        var recipients = finding.OffHoursRecipients;
        if (recipients.Count == 0)
        {
            return "*It's outside working hours for someone here.* If it can wait, Slack's *Schedule for later* sends it when their day starts.";
        }

        var named = recipients.Take(MaxNamedRecipients)
            .Select(r => $"{r.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)} for <@{r.User.Value}>");
        var more = recipients.Count > MaxNamedRecipients ? $" and {recipients.Count - MaxNamedRecipients} more" : "";
        var lead = recipients.Count == 1
            ? $"*It's {string.Join("", named)}* right now, outside their working hours."
            : $"*This reaches {recipients.Count} people outside their working hours:* it's {string.Join(", ", named)}{more}.";

        var next = recipients.Where(r => r.NextWorkStart is not null).MinBy(r => r.NextWorkStart);
        if (next?.NextWorkStart is not { } start)
        {
            return lead + " If it can wait, Slack's *Schedule for later* (the arrow next to *Send*) lets it arrive in their morning.";
        }

        // <!date^…> renders in the reader's own zone: the author sees the exact time to pick.
        var theirs = start.ToString("ddd HH:mm", CultureInfo.InvariantCulture);
        var utc = start.ToUniversalTime().ToString("ddd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var whose = recipients.Count == 1 ? "their time" : $"<@{next.User.Value}>'s time, the earliest start";
        return lead + $" If it can wait, schedule it for *{theirs}* {whose} " +
            $"(<!date^{start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} at {{time}} for you|{utc}>): " +
            "use *Schedule for later* in the arrow next to *Send*. Edit and reschedule are in *Scheduled messages* if plans change.";
    }

    private static string MissingContext(Finding finding)
    {
        // Built from what they wrote (the matched greeting), never from the rest of the message.
        var greeting = finding.Evidence.Select(Greeting).FirstOrDefault(g => g is not null) ?? "Hi";
        return "*A greeting on its own makes the other person wait for the real question.* " +
            "Putting it all in one message lets them answer in one go, even later. For example:\n" +
            $">{greeting}! Could you review the pricing page copy? It's for Thursday's launch, so I'd need your comments by Wed 15:00. The draft is in the doc I shared.";
    }

    private static string? Greeting(string phrase)
    {
        var trimmed = phrase.Trim().TrimEnd('!', '?', '.', ',');
        string[] greetings = ["hi", "hey", "hello", "hello there", "hi there", "hey there", "good morning", "good afternoon", "good evening", "morning", "yo"];
        return greetings.Contains(trimmed.ToLowerInvariant(), StringComparer.Ordinal)
            ? char.ToUpperInvariant(trimmed[0]) + trimmed[1..]
            : null;
    }

    private static string Quote(string phrase) => "\u201C" + phrase + "\u201D";
}
