namespace AsyncCoach.Core.Rules;

/// <summary>The stable rule ids of RULES.md, used in storage, commands, audits and digests.</summary>
public static class RuleIds
{
    public const string MissingContext = "missing-context";
    public const string HuddleInsteadOfThread = "huddle-instead-of-thread";
    public const string AfterHoursPing = "after-hours-ping";
    public const string BroadcastOveruse = "broadcast-overuse";
    public const string MessageBurst = "message-burst";
    public const string VagueUrgency = "vague-urgency";

    public static IReadOnlyList<string> All { get; } =
        [MissingContext, HuddleInsteadOfThread, AfterHoursPing, BroadcastOveruse, MessageBurst, VagueUrgency];

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);
}
