namespace AsyncCoach.Core.Digests;

/// <summary>
/// Everything a weekly digest is built from: aggregates only (counts and distinct-people counts),
/// never a message, never a person's id. The live path fills it from SQL aggregates, the offline
/// <c>digest</c> verb from a Slack export; <see cref="DigestBuilder.Build"/> is the same for both.
/// Its size is O(rules × weeks + slots), whatever the team's size or history.
/// </summary>
public sealed record DigestInput
{
    /// <summary>The default of the team norm <c>digest_min_group</c>.</summary>
    public const int DefaultMinGroup = 5;

    /// <summary>The norm cannot go below this: a breakdown of one or two people names them.</summary>
    public const int SmallestMinGroup = 3;

    /// <summary>
    /// The norm cannot go above this. The live path counts distinct people only up to it (a count of
    /// this many means this many or more; docs/decisions.md), which is all the floor needs.
    /// </summary>
    public const int LargestMinGroup = 50;

    /// <summary>Weeks in the trend, this week included (<see cref="RuleWeek.WeeksAgo"/> 0 to 3).</summary>
    public const int TrendWeeks = 4;

    /// <summary>The week's start, Monday 00:00 in the lead's zone (with that zone's offset); see <see cref="DigestWeek"/>.</summary>
    public required DateTimeOffset WeekStart { get; init; }

    /// <summary>The next Monday 00:00 in the lead's zone (exclusive).</summary>
    public required DateTimeOffset WeekEnd { get; init; }

    /// <summary>The team's <c>digest_min_group</c>; a value below <see cref="SmallestMinGroup"/> or above <see cref="LargestMinGroup"/> counts as that.</summary>
    public int MinGroup { get; init; } = DefaultMinGroup;

    /// <summary>
    /// The earliest moment the figures cover (the installation, or an export's first message);
    /// null when they cover every week of the trend. Weeks before it are "no data", not zero.
    /// </summary>
    public DateTimeOffset? DataSince { get; init; }

    /// <summary>Findings per rule and week; a missing (rule, week) means none.</summary>
    public IReadOnlyList<RuleWeek> Findings { get; init; } = [];

    /// <summary>How this week's nudges landed, per rule.</summary>
    public IReadOnlyList<RuleNudges> Nudges { get; init; } = [];

    /// <summary>This week's messages by weekday × part of day in the lead's zone; a missing slot means none.</summary>
    public IReadOnlyList<ActivitySlot> Activity { get; init; } = [];

    /// <summary>Messages seen per week (this week and last week at least).</summary>
    public IReadOnlyList<ActivityWeek> ActivityWeeks { get; init; } = [];

    /// <summary>This week's findings per channel (optional: the breakdown is left out when empty).</summary>
    public IReadOnlyList<ChannelWeek> Channels { get; init; } = [];

    /// <summary>The lead's own figures, shown only to them; null leaves the section out.</summary>
    public LeadHabits? Lead { get; init; }

    /// <summary>Sent after downtime, later than the lead's chosen time.</summary>
    public bool Late { get; init; }

    /// <summary>The floor actually applied.</summary>
    public int EffectiveMinGroup => Math.Clamp(MinGroup, SmallestMinGroup, LargestMinGroup);
}

/// <summary>
/// One rule in one week: its findings and how many distinct authors they came from.
/// <c>WeeksAgo</c> is 0 for the digest's week, 1 for the week before, up to <see cref="DigestInput.TrendWeeks"/> − 1.
/// </summary>
public sealed record RuleWeek(string RuleId, int WeeksAgo, int Findings, int People);

/// <summary>
/// This week's nudges for one rule: delivered, answered "Thanks" and "Not helpful here", and how
/// many distinct people received them (the privacy floor applies to them).
/// </summary>
public sealed record RuleNudges(string RuleId, int Delivered, int Thanks, int NotHelpful, int People);

/// <summary>A slot of the week in the lead's zone.</summary>
public enum PartOfDay
{
    /// <summary>00:00–06:00.</summary>
    Night,

    /// <summary>06:00–12:00.</summary>
    Morning,

    /// <summary>12:00–18:00.</summary>
    Afternoon,

    /// <summary>18:00–24:00.</summary>
    Evening,
}

/// <summary>
/// One slot of this week: messages seen, those that reached someone outside their working hours,
/// and how many distinct authors wrote the latter.
/// </summary>
public sealed record ActivitySlot(DayOfWeek Day, PartOfDay Part, int Messages, int AfterHours, int AfterHoursPeople);

/// <summary>A week's totals: messages seen and their distinct authors, and the after-hours ones.</summary>
public sealed record ActivityWeek(int WeeksAgo, int Messages, int People, int AfterHours, int AfterHoursPeople);

/// <summary>This week's findings in one channel and their distinct authors.</summary>
public sealed record ChannelWeek(string ChannelId, string? Name, int Findings, int People);

/// <summary>The lead's own habits this week and last week.</summary>
public sealed record LeadHabits(LeadWeek ThisWeek, LeadWeek LastWeek);

/// <summary>
/// One week of the lead's own messages: after-hours pings and the people they reached outside
/// their hours, calls proposed instead of a thread, all their findings, and how their own
/// nudges landed with them.
/// </summary>
public sealed record LeadWeek(
    int Messages,
    int AfterHoursPings,
    int PeopleReachedAfterHours,
    int CallsProposed,
    int Findings,
    int NudgesDelivered,
    int Thanks,
    int NotHelpful);
