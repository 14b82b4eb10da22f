using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Digests;

/// <summary>
/// The digest's advice: rules whose nudges were mostly marked not helpful (with the norm that
/// tunes each), and one or two async practices tied to the week's biggest change.
/// </summary>
public static class DigestAdvice
{
    /// <summary>Answers ("Thanks" plus "Not helpful here") a rule needs before it can be flagged.</summary>
    public const int MinAnswersToFlag = 3;

    /// <summary>A rise in the after-hours share, in points, that counts as a change worth advice.</summary>
    public const double AfterHoursRise = 0.05;

    public const string SetExpectations = "set-expectations";
    public const string CutInterruptions = "cut-interruptions";
    public const string WriteThingsDown = "write-things-down";
    public const string WrittenUpdate = "written-update";
    public const string AsyncWeek = "async-week";

    private static readonly Dictionary<string, string> Practices = new(StringComparer.Ordinal)
    {
        [SetExpectations] = "Set expectations and deadlines. Say when an answer is needed (\"by Thursday noon\") and schedule messages for the reader's morning, so nobody feels they must answer tonight.",
        [CutInterruptions] = "Cut interruptions. Mention only the people who must act, and post news in a thread or an announcements channel rather than with @channel.",
        [WriteThingsDown] = "Write things down. Put the question, the context and the links in the first message, so it can be answered in one reply instead of a back-and-forth.",
        [WrittenUpdate] = "Turn a recurring meeting into a written update. A thread each week with status, blockers and decisions; meet only for what the thread cannot settle.",
        [AsyncWeek] = "Try an \"async week\". No new meetings for a week: questions go in threads, answers come within the day, and see what the team misses.",
    };

    private static readonly Dictionary<string, string[]> ByRule = new(StringComparer.Ordinal)
    {
        [RuleIds.MissingContext] = [WriteThingsDown, SetExpectations],
        [RuleIds.HuddleInsteadOfThread] = [WrittenUpdate, WriteThingsDown],
        [RuleIds.AfterHoursPing] = [SetExpectations, CutInterruptions],
        [RuleIds.BroadcastOveruse] = [CutInterruptions, WriteThingsDown],
        [RuleIds.MessageBurst] = [WriteThingsDown, CutInterruptions],
        [RuleIds.VagueUrgency] = [SetExpectations, CutInterruptions],
    };

    private static readonly Dictionary<string, string> TuningNorms = new(StringComparer.Ordinal)
    {
        [RuleIds.MissingContext] = "grace_window_seconds",
        [RuleIds.HuddleInsteadOfThread] = "enabled_rules",
        [RuleIds.AfterHoursPing] = "working_hours",
        [RuleIds.BroadcastOveruse] = "broadcast_threshold",
        [RuleIds.MessageBurst] = "enabled_rules",
        [RuleIds.VagueUrgency] = "urgent_markers",
    };

    /// <summary>The words of a practice id.</summary>
    public static string Describe(string practice) => Practices[practice];

    /// <summary>The team norm a lead changes when a rule misfires for their team.</summary>
    public static string TuningNorm(string ruleId) => TuningNorms.GetValueOrDefault(ruleId, "enabled_rules");

    /// <summary>Shown rules whose answered nudges were more than half "Not helpful here".</summary>
    public static IReadOnlyList<FlaggedRule> Flag(IReadOnlyList<DigestNudges> nudges) =>
        [.. nudges.Where(n => n is { Shown: true, Thanks: { } thanks, NotHelpful: { } notHelpful }
                && thanks + notHelpful >= MinAnswersToFlag && notHelpful * 2 > thanks + notHelpful)
            .Select(n => new FlaggedRule(n.RuleId, TuningNorm(n.RuleId), n.NotHelpful!.Value, n.Thanks!.Value + n.NotHelpful.Value))];

    /// <summary>
    /// Practices for the biggest rises among shown rules (and a rising after-hours share); with no
    /// rise, an "async week" for a team that is already improving or quiet. At most two.
    /// </summary>
    public static IReadOnlyList<DigestSuggestion> Suggest(DigestKind kind, IReadOnlyList<DigestRule> rules, DigestAfterHours? afterHours)
    {
        if (kind == DigestKind.BelowFloor)
        {
            return [];
        }

        var rises = new List<(string? Rule, double Size, string[] Practices)>();
        foreach (var rule in rules)
        {
            if (rule is { Shown: true, Change: > 0 } && ByRule.TryGetValue(rule.RuleId, out var practices))
            {
                rises.Add((rule.RuleId, rule.Change!.Value, practices));
            }
        }

        if (afterHours is { LastWeekShare: { } before } && afterHours.Share - before >= AfterHoursRise)
        {
            // Expressed as the number of messages the rise in share stands for, to compare with rules.
            rises.Add((RuleIds.AfterHoursPing, (afterHours.Share - before) * afterHours.Messages, [SetExpectations, CutInterruptions]));
        }

        if (kind == DigestKind.NewTeam && rises.Count == 0)
        {
            // No last week to compare with: the rule with the most findings stands in for the change.
            rises.AddRange(rules.Where(r => r is { Shown: true, ThisWeek: > 0 } && ByRule.ContainsKey(r.RuleId))
                .OrderByDescending(r => r.ThisWeek).Take(1).Select(r => ((string?)r.RuleId, (double)r.ThisWeek!.Value, ByRule[r.RuleId])));
        }

        var chosen = new List<DigestSuggestion>(2);
        foreach (var (rule, _, practices) in rises.OrderByDescending(r => r.Size).ThenBy(r => r.Rule, DigestBuilder.RuleOrder.Instance))
        {
            var practice = practices.FirstOrDefault(p => chosen.TrueForAll(c => c.Practice != p));
            if (practice is not null && chosen.Count < 2)
            {
                chosen.Add(new DigestSuggestion(practice, Practices[practice], rule));
            }
        }

        if (chosen.Count == 1 && rises.Count == 1)
        {
            var second = rises[0].Practices.FirstOrDefault(p => p != chosen[0].Practice);
            if (second is not null)
            {
                chosen.Add(new DigestSuggestion(second, Practices[second], rises[0].Rule));
            }
        }

        if (chosen.Count == 0 && kind is DigestKind.Full or DigestKind.Quiet)
        {
            chosen.Add(new DigestSuggestion(AsyncWeek, Practices[AsyncWeek], null));
        }

        return chosen;
    }
}
