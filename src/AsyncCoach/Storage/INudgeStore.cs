using AsyncCoach.Core.Nudges;

namespace AsyncCoach.Storage;

/// <summary>
/// The nudges in the outbox (rows of kind <see cref="IOutboxStore.NudgeKind"/>), their rules and
/// the feedback on them. Unique per (team, channel, message ts): a second nudge for the same
/// message is a no-op, so no retry nudges twice. Delivery (due rows, claims, ends, deferrals) is
/// <see cref="IOutboxStore"/>'s.
/// </summary>
public interface INudgeStore
{
    /// <summary>
    /// The nudges <paramref name="authorId"/> got at or after <paramref name="dayStart"/>, in total
    /// and per rule (a nudge about two rules counts once in the total and once for each rule),
    /// read inside the caller's transaction so that nudges added earlier in it count. Nudges that
    /// ended <c>expired</c> or <c>failed</c> never reached the author and do not count.
    /// On the hot path: completes synchronously where the provider can.
    /// </summary>
    Task<NudgeCounts> CountsAsync(IStorageTransaction transaction, string teamId, string authorId, DateTimeOffset dayStart, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the nudge, <c>pending</c> and due at <paramref name="now"/>, with its rules, inside the
    /// caller's transaction, unless the message already has a row (of any state); returns the new
    /// row's id, or null (nothing written). On the hot path: completes synchronously where it can.
    /// With <see cref="NewNudge.Claimed"/> the row is written already claimed by this process
    /// (<c>sending</c>, one attempt counted, on PostgreSQL under this instance's lease), as the
    /// outbox's claim would leave it: the sender is handed it after the commit
    /// (<c>OutboxHandoff</c>) instead of reading and claiming it in a commit of its own.
    /// </summary>
    Task<long?> TryAddAsync(IStorageTransaction transaction, NewNudge nudge, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The nudge (kind <c>nudge</c> only) with its rule ids in rule id order, or null.</summary>
    Task<NudgeRef?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Records one kind of feedback (<c>thanks</c>, <c>not_helpful</c>, <c>snooze_today</c>) on a
    /// nudge, once per (nudge, kind) whoever gives it; returns whether it was new. Own transaction.
    /// </summary>
    Task<bool> AddFeedbackAsync(long nudgeId, string kind, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the message has an outbox row that went out or is on its way (any state but <c>expired</c>).</summary>
    Task<bool> ExistsForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken);

    /// <summary>
    /// One person's nudges since <paramref name="since"/>: sent (by <c>sent_at</c>), feedback of
    /// each kind on their nudges (by the feedback's time), and expired (by creation time).
    /// </summary>
    Task<(long Sent, long Thanks, long NotHelpful, long Snoozed, long Expired)> SummarizeAsync(
        string teamId, string userId, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A nudge to write: where, for whom, the words as JSON, and its window.</summary>
public sealed record NewNudge(
    string TeamId, string ChannelId, string MessageTs, string? ThreadTs, string AuthorId, NudgeDelivery Delivery,
    string ContentJson, DateTimeOffset ExpiresAt, DateTimeOffset DayStart, IReadOnlyList<string> RuleIds, bool Claimed = false);

/// <summary>A nudge as the buttons see it: whose it is and what it was about.</summary>
public sealed record NudgeRef(long Id, string TeamId, string AuthorId, string State, IReadOnlyList<string> RuleIds);
