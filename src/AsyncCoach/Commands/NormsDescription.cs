using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Norms;

namespace AsyncCoach.Commands;

/// <summary>A team's norms in plain words, for <c>/async norms</c>.</summary>
public static class NormsDescription
{
    /// <param name="norms">The team's norms.</param>
    /// <param name="defaultRetentionDays">How long data is kept for a team without its own retention_days (<c>Retention:DataDays</c>).</param>
    public static string Describe(TeamNorms norms, int defaultRetentionDays)
    {
        var off = RuleIds.All.Where(r => !norms.IsEnabled(r)).ToList();
        var lines = new List<string>
        {
            "*Your team's norms*",
            $"• Working hours, unless people set their own with `/async hours`: {WorkingHoursText.Format(norms.WorkingHours)}, in each person's time zone.",
            norms.ExemptChannels.Count == 0
                ? "• No channel is exempt: the rules apply everywhere AsyncCoach is invited."
                : $"• Exempt channels (no rule fires there): {string.Join(", ", norms.ExemptChannels.Order(StringComparer.Ordinal).Select(c => $"<#{c}>"))}.",
            $"• @channel, @here and @everyone count as overuse in channels of {norms.BroadcastThreshold} or more people.",
            $"• A bare greeting waits {norms.GraceWindow.TotalSeconds:0} s for the real question before it counts as missing context.",
            off.Count == 0 ? "• All rules are on." : $"• Rules off: {string.Join(", ", off)}.",
            norms.NudgeMode switch
            {
                NudgeMode.Off => "• Nudges are off: findings are only counted.",
                var mode => $"• Nudges: {(mode == NudgeMode.Dm ? "by direct message" : "privately in the channel (only the author sees them)")}, at most {norms.MaxNudgesPerDay} a day and {norms.MaxNudgesPerRulePerDay} per rule per day.",
            },
        };
        if (norms.ObserveMode)
        {
            lines.Add("• Observe mode is on: findings are recorded, nobody is nudged yet.");
        }

        lines.Add($"• Digests show a rule, channel or time slot only when at least {norms.DigestMinGroup} people contributed to it; smaller groups are folded into \"other\".");
        lines.Add(Learned(norms));
        lines.Add(Retention(norms, defaultRetentionDays));
        lines.Add(norms.Leads.Count == 0
            ? "• Leads: none yet. Workspace admins can change these norms and name leads with `/async norms set leads @ana @bo`."
            : $"• Leads: {string.Join(", ", norms.Leads.Order(StringComparer.Ordinal).Select(u => $"<@{u}>"))}. They and workspace admins can change these norms.");
        lines.Add("Change one with `/async norms set &lt;key&gt; &lt;value&gt;` (keys: " + string.Join(", ", NormsValues.Keys) + "), `/async norms unset &lt;key&gt;`, `/async norms exempt #channel`.");
        return string.Join('\n', lines);
    }

    /// <summary>The unlearn command for the first learned phrase, or a generic one.</summary>
    public static string UnlearnExample(TeamNorms norms) =>
        norms.LearnedPhrases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"/async norms unlearn {p.Key} \"{p.Value.Order(StringComparer.Ordinal).First()}\"").FirstOrDefault()
        ?? "/async norms unlearn vague-urgency \"asap\"";

    // retention_days in plain words, and what a person can do about their own data.
    private static string Retention(TeamNorms norms, int defaultRetentionDays) =>
        $"• Findings, nudge history and feedback are deleted after {norms.RetentionDays ?? defaultRetentionDays} days"
        + (norms.RetentionDays is null ? " (AsyncCoach's default; `retention_days` changes it)" : " (`retention_days`)")
        + ". Anyone can delete their own at once with `/async forget-me`.";

    // What "Not helpful here" taught, and how to undo each.
    private static string Learned(TeamNorms norms)
    {
        var people = $"{norms.LearnAfterPeople} {(norms.LearnAfterPeople == 1 ? "person" : "different people")}";
        if (norms.LearnedPhrases.Count == 0)
        {
            return $"• Learned from feedback: nothing yet. When {people} mark the same phrase of a tip \"Not helpful here\", that phrase stops triggering the tip for the team (`learn_after`).";
        }

        var learned = norms.LearnedPhrases.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Order(StringComparer.Ordinal).Select(phrase => $"\n    ◦ {p.Key} no longer fires on \"{SlackText.Escape(phrase)}\": undo with `/async norms unlearn {p.Key} \"{SlackText.Escape(phrase)}\"`"));
        return $"• Learned from feedback ({people} marked these \"Not helpful here\"):" + string.Concat(learned);
    }
}
