namespace AsyncCoach.Storage;

/// <summary>
/// The weekly digest's aggregate queries: counts and distinct-people counts only, over one team's
/// findings and nudges, by week (Monday to Monday in the lead's zone, passed as instants).
/// </summary>
public interface IDigestStore
{
    /// <summary>
    /// The week's aggregates. <paramref name="weekStarts"/> are the starts of this week and the
    /// three before (newest first; week i runs from its start, included, to the next one's, or
    /// <paramref name="end"/> for this week, excluded). <paramref name="channelsJson"/> (a JSON
    /// array of channel ids; null for all) narrows findings and nudges to those channels; the
    /// lead's own counts are not narrowed.
    /// <list type="bullet">
    /// <item><see cref="DigestCounts.Rules"/>: per rule the team has findings for, and per week
    /// (0 = this week … 3), the findings by <c>at</c> and their distinct authors, counted up to
    /// <c>DigestInput.LargestMinGroup</c> (that many means that many or more: all the privacy floor
    /// needs); only entries with findings.</item>
    /// <item><see cref="DigestCounts.Nudges"/>: per rule, this week's nudges sent (by <c>sent_at</c>),
    /// how many got a thanks and a not-helpful, and their distinct recipients.</item>
    /// <item><see cref="DigestCounts.Lead"/>: rows for this week (0) and the one before (1): the
    /// lead's findings (after-hours pings, calls proposed, all) and, in separate rows, the nudges
    /// they were sent with their feedback; a caller sums rows of the same week.</item>
    /// <item><see cref="DigestCounts.DataSince"/>: the team's earliest finding, or null.</item>
    /// </list>
    /// </summary>
    Task<DigestCounts> ReadAsync(
        string teamId, string leadId, IReadOnlyList<DateTimeOffset> weekStarts, DateTimeOffset end, string? channelsJson, CancellationToken cancellationToken);
}

/// <summary>Findings of one rule in one week bucket (0 = the digest's week) and their distinct authors.</summary>
public sealed record RuleWeekCount(string RuleId, long WeeksAgo, long Findings, long People);

/// <summary>One rule's nudges in the week: delivered, feedback, distinct recipients.</summary>
public sealed record RuleNudgeCount(string RuleId, long Delivered, long Thanks, long NotHelpful, long People);

/// <summary>One week of the lead's own findings and nudges.</summary>
public sealed record LeadCount(long WeeksAgo, long AfterHoursPings, long CallsProposed, long Findings, long NudgesDelivered, long Thanks, long NotHelpful);

/// <summary>What <see cref="IDigestStore.ReadAsync"/> found.</summary>
public sealed record DigestCounts(
    IReadOnlyList<RuleWeekCount> Rules, IReadOnlyList<RuleNudgeCount> Nudges, IReadOnlyList<LeadCount> Lead, DateTimeOffset? DataSince);
