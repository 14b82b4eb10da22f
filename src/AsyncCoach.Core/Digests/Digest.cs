namespace AsyncCoach.Core.Digests;

/// <summary>What kind of week the digest describes; the short kinds leave most sections out.</summary>
public enum DigestKind
{
    /// <summary>Findings to report, with history to compare against.</summary>
    Full,

    /// <summary>No findings at all this week.</summary>
    Quiet,

    /// <summary>No complete week of data before this one: no change, no trend.</summary>
    NewTeam,

    /// <summary>Fewer active people than the privacy floor: totals only, no breakdown.</summary>
    BelowFloor,
}

/// <summary>
/// A lead's weekly digest as data, before it becomes text, JSON or Block Kit. Nothing in it names
/// or ranks a person: every breakdown below the floor is folded into <see cref="Other"/>.
/// </summary>
public sealed record Digest
{
    public required DateTimeOffset WeekStart { get; init; }

    public required DateTimeOffset WeekEnd { get; init; }

    /// <summary>The privacy floor applied (the norm, at least <see cref="DigestInput.SmallestMinGroup"/>).</summary>
    public required int MinGroup { get; init; }

    public required DigestKind Kind { get; init; }

    public bool Late { get; init; }

    /// <summary>All findings this week and last week (last week null when there is no data for it).</summary>
    public required DigestTotals Totals { get; init; }

    /// <summary>One row per rule with findings in any week of the trend, in RULES.md order.</summary>
    public IReadOnlyList<DigestRule> Rules { get; init; } = [];

    /// <summary>Findings of the rules folded below the floor.</summary>
    public required DigestOther Other { get; init; }

    /// <summary>Channels with the most findings, only those at or above the floor.</summary>
    public IReadOnlyList<DigestChannel> Channels { get; init; } = [];

    /// <summary>Null when no messages were counted.</summary>
    public DigestAfterHours? AfterHours { get; init; }

    /// <summary>One row per rule that had nudges this week.</summary>
    public IReadOnlyList<DigestNudges> Nudges { get; init; } = [];

    /// <summary>Rules whose nudges were mostly marked not helpful, with the norm that tunes them.</summary>
    public IReadOnlyList<FlaggedRule> Flagged { get; init; } = [];

    /// <summary>One or two async practices tied to the week's biggest change.</summary>
    public IReadOnlyList<DigestSuggestion> Suggestions { get; init; } = [];

    /// <summary>The lead's own habits, for their eyes only; null when not known.</summary>
    public DigestLead? Lead { get; init; }

    /// <summary>The privacy floor, said at the foot.</summary>
    public required string Footer { get; init; }
}

public sealed record DigestTotals(int ThisWeek, int? LastWeek);

/// <summary>
/// One rule. Shown when at least the floor of distinct people had its findings this week; else
/// every count is null and its findings are in <see cref="Digest.Other"/>. The trend holds the
/// findings per week, oldest first, <see cref="DigestInput.TrendWeeks"/> long, null for a week with no data.
/// </summary>
public sealed record DigestRule(string RuleId, bool Shown, int? ThisWeek, int? LastWeek, int? People, IReadOnlyList<int?>? Trend)
{
    /// <summary>This week minus last week, when both are known.</summary>
    public int? Change => ThisWeek is { } now && LastWeek is { } before ? now - before : null;
}

public sealed record DigestOther(int ThisWeek, int? LastWeek, int Rules);

public sealed record DigestChannel(string ChannelId, string? Name, int Findings, int People);

/// <summary>
/// Messages that reached someone outside their working hours: the share this week (and last week,
/// when known), and the slots at or above the floor, most after-hours messages first.
/// </summary>
public sealed record DigestAfterHours(int Messages, int AfterHours, double Share, double? LastWeekShare, IReadOnlyList<DigestSlot> Slots, int FoldedAfterHours);

public sealed record DigestSlot(DayOfWeek Day, PartOfDay Part, int AfterHours, int Messages);

/// <summary>How one rule's nudges landed; counts null when fewer than the floor received them.</summary>
public sealed record DigestNudges(string RuleId, bool Shown, int? Delivered, int? Thanks, int? NotHelpful);

/// <summary>A rule mostly marked "Not helpful here", and the team norm that tunes it.</summary>
public sealed record FlaggedRule(string RuleId, string NormKey, int NotHelpful, int Answers);

/// <summary>An async practice: <see cref="Practice"/> is a stable id, <see cref="Text"/> the words.</summary>
public sealed record DigestSuggestion(string Practice, string Text, string? RuleId);

/// <summary>The lead's own week next to last week.</summary>
public sealed record DigestLead(LeadWeek ThisWeek, LeadWeek LastWeek);
