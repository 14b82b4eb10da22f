using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Nudges;

/// <summary>The author's own choices: snoozed until a moment, or opted out of nudges.</summary>
public sealed record NudgeAuthorState(DateTimeOffset? SnoozeUntil, bool OptedOut)
{
    public static NudgeAuthorState None { get; } = new(null, false);
}

/// <summary>Nudges the author already got on their current day: in total and per rule.</summary>
public sealed record NudgeCounts(int Today, IReadOnlyDictionary<string, int> PerRuleToday)
{
    public static NudgeCounts None { get; } = new(0, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>The counts once one more nudge, combining <paramref name="ruleIds"/>, has gone to the author.</summary>
    public NudgeCounts WithNudge(IEnumerable<string> ruleIds)
    {
        var perRule = new Dictionary<string, int>(PerRuleToday, StringComparer.Ordinal);
        foreach (var ruleId in ruleIds.Distinct(StringComparer.Ordinal))
        {
            perRule[ruleId] = perRule.GetValueOrDefault(ruleId) + 1;
        }

        return new NudgeCounts(Today + 1, perRule);
    }
}

/// <summary>Everything <see cref="NudgePolicy.Decide"/> looks at for one message's findings.</summary>
public sealed record NudgeInput(
    IReadOnlyList<Finding> Findings,
    TeamNorms Norms,
    NudgeAuthorState Author,
    NudgeCounts Counts,
    DateTimeOffset Now);
