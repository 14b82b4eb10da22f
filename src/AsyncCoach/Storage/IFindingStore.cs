using AsyncCoach.Core.Rules;

namespace AsyncCoach.Storage;

/// <summary>
/// The findings table: what the rules found, one row per (team, channel, message ts, rule), with
/// the evidence phrases and off-hours recipients as JSON. Message text is never stored.
/// </summary>
public interface IFindingStore
{
    /// <summary>
    /// Records findings in a transaction of its own; returns how many were new. Idempotent: a
    /// finding whose (team, channel, message ts, rule) is already stored is left as it is.
    /// </summary>
    Task<int> AddAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);

    /// <summary>
    /// As above, inside the caller's transaction (the inbox round's, with the nudges they lead
    /// to). On the hot path: completes synchronously where the provider can.
    /// </summary>
    Task<int> AddAsync(IStorageTransaction transaction, IReadOnlyList<Finding> findings, CancellationToken cancellationToken);

    /// <summary>
    /// Findings per rule with <c>at</c> at or after <paramref name="since"/>, for a team, or for one
    /// author in it when <paramref name="authorId"/> is set. Rules without findings are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> CountByRuleAsync(string teamId, string? authorId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// One author's findings per rule in four consecutive 7-day windows ending at
    /// <paramref name="until"/> (included), oldest first; rules without findings are left out.
    /// </summary>
    Task<IReadOnlyList<RuleWeeks>> WeeklyByRuleAsync(string teamId, string authorId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The findings of one message, in the order they were recorded.</summary>
    Task<IReadOnlyList<StoredFinding>> ForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken);
}

/// <summary>A finding as stored: rule, author and the JSON evidence (a JSON array of phrases) and recipients (<see cref="StoredRecipient"/>s).</summary>
public sealed record StoredFinding(string RuleId, string AuthorId, string EvidenceJson, string RecipientsJson);

/// <summary>An off-hours recipient as stored with a finding.</summary>
public sealed record StoredRecipient(string User, string TimeZone, DateTimeOffset LocalTime, DateTimeOffset? NextWorkStart);

/// <summary>One rule's findings in four consecutive weeks, oldest first.</summary>
public sealed record RuleWeeks(string RuleId, long Week1, long Week2, long Week3, long Week4)
{
    public long Total => Week1 + Week2 + Week3 + Week4;
}
