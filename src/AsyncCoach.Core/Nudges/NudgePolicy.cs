using AsyncCoach.Core.Norms;

namespace AsyncCoach.Core.Nudges;

/// <summary>
/// Turns one message's findings into at most one nudge: kind, rare, never nagging. Pure.
/// </summary>
/// <remarks>
/// Order of the checks: the team's mode (off, observe), the author's opt-out and snooze, the
/// daily cap, then the per-rule cap (rules already nudged today are dropped; the rest are
/// combined). A nudge whose freshness window (from the message's time) has already passed is
/// not written at all. Uniqueness per message is the outbox's job, not the policy's.
/// </remarks>
public static class NudgePolicy
{
    public static NudgeDecision Decide(NudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var norms = input.Norms;
        if (input.Findings.Count == 0)
        {
            return NudgeDecision.None(NudgeSkip.NoFindings);
        }

        if (norms.NudgeMode == NudgeMode.Off)
        {
            return NudgeDecision.None(NudgeSkip.ModeOff);
        }

        if (norms.ObserveMode)
        {
            return NudgeDecision.None(NudgeSkip.ObserveMode);
        }

        if (input.Author.OptedOut)
        {
            return NudgeDecision.None(NudgeSkip.OptedOut);
        }

        if (input.Author.SnoozeUntil is { } until && until > input.Now)
        {
            return NudgeDecision.None(NudgeSkip.Snoozed);
        }

        if (input.Counts.Today >= norms.MaxNudgesPerDay)
        {
            return NudgeDecision.None(NudgeSkip.DailyCap);
        }

        var kept = input.Findings
            .Where(f => input.Counts.PerRuleToday.GetValueOrDefault(f.RuleId) < norms.MaxNudgesPerRulePerDay)
            .DistinctBy(f => f.RuleId)
            .ToList();
        if (kept.Count == 0)
        {
            return NudgeDecision.None(NudgeSkip.RuleCap);
        }

        var expiresAt = kept.Min(f => f.At) + norms.NudgeFreshness;
        if (expiresAt <= input.Now)
        {
            return NudgeDecision.None(NudgeSkip.Stale);
        }

        var delivery = norms.NudgeMode == NudgeMode.Dm ? NudgeDelivery.Dm : NudgeDelivery.Ephemeral;
        return new NudgeDecision(NudgeSkip.None, delivery, kept, expiresAt);
    }
}
