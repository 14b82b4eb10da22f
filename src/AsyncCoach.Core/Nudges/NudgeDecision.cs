using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Nudges;

/// <summary>Why no nudge goes out (the findings are recorded either way).</summary>
public enum NudgeSkip
{
    None,
    NoFindings,
    ModeOff,
    ObserveMode,
    OptedOut,
    Snoozed,
    DailyCap,
    RuleCap,
    Stale,
}

/// <summary>
/// The policy's answer: a nudge (<see cref="Findings"/> it combines, how it is delivered, until
/// when it is worth delivering) or a <see cref="Skip"/> reason.
/// </summary>
public sealed record NudgeDecision(NudgeSkip Skip, NudgeDelivery Delivery, IReadOnlyList<Finding> Findings, DateTimeOffset ExpiresAt)
{
    public bool Nudges => Skip == NudgeSkip.None;

    public static NudgeDecision None(NudgeSkip reason) => new(reason, NudgeDelivery.Ephemeral, [], DateTimeOffset.MinValue);
}
