using AsyncCoach.Inbox;

namespace AsyncCoach.Storage;

/// <summary>
/// The inbox table: one row per Slack event processed (unique on <c>event_id</c>, so a retry is a
/// no-op), the rows waiting for another attempt, and the inbox journal's position processed so far.
/// Only the inbox processor inserts rows, one round at a time, inside the round's transaction.
/// </summary>
/// <remarks>
/// Row states: <c>pending</c> (waiting for an attempt; holds its payload), <c>done</c> (payload
/// cleared) and <c>failed</c> (given up after <see cref="MaxAttempts"/> attempts; payload cleared).
/// Ids only grow, in insertion order. A finished row's payload is never kept: message text is not
/// stored beyond processing.
/// </remarks>
public interface IInboxStore
{
    /// <summary>After this many failed attempts a row is given up (<c>failed</c>) and its payload cleared.</summary>
    const int MaxAttempts = 5;

    /// <summary>The inbox journal's position processed so far (0 for a new database). Read once at start.</summary>
    Task<long> ReadJournalPositionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records, inside the round's transaction, the journal position processed up to, so that a
    /// restart resumes after it. Throws <see cref="InvalidOperationException"/> when the position's
    /// row is missing (the database was not migrated).
    /// </summary>
    void SaveJournalPosition(IStorageTransaction round, long position);

    /// <summary>
    /// Whether a row for <paramref name="eventId"/> is already in the inbox (a Slack retry, or a
    /// second delivery), read in the round's snapshot. Synchronous: it runs for every journaled
    /// event of a round and must not cost an async state machine each.
    /// </summary>
    bool IsKnown(IStorageRead read, string eventId);

    /// <summary>
    /// Inserts the row of a journaled event just processed, inside the round's transaction:
    /// <c>done</c> (no payload) when <paramref name="error"/> is null, else <c>pending</c> with its
    /// payload, one attempt counted and <paramref name="error"/> as its last error. Returns the
    /// new row's id, or null when the event already had a row (nothing is changed then).
    /// <paramref name="at"/> is the round's "now", the same for every call of a round.
    /// </summary>
    long? InsertProcessed(IStorageTransaction round, InboxEntry entry, string? error, DateTimeOffset at);

    /// <summary>
    /// Up to <paramref name="limit"/> <c>pending</c> rows, in id order (so in arrival order, which
    /// keeps each conversation's order), with their payloads. Reading does not change them: the
    /// processor is the only one working on the table (one per database), and the rows change
    /// state only when the round's <see cref="CompleteAsync"/> commits. <paramref name="limit"/> is
    /// the same for the life of the process.
    /// </summary>
    Task<IReadOnlyList<PendingInboxRow>> ClaimPendingAsync(IProcessingSession session, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcomes of the rows a round claimed, inside the round's transaction; outcomes
    /// are in claim order. Success: <c>done</c>, payload and last error cleared, processed at
    /// <paramref name="now"/>. Failure: one more attempt counted and the error kept; at
    /// <see cref="MaxAttempts"/> the row becomes <c>failed</c> and its payload is cleared, else it
    /// stays <c>pending</c>. Throws if a claimed row is not <c>pending</c> any more (the round is
    /// then rolled back and retried).
    /// </summary>
    Task CompleteAsync(IStorageTransaction round, IReadOnlyList<InboxOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Retention, one short transaction of its own per call: deletes the finished rows among the
    /// next window of at most <paramref name="limit"/> rows with ids after <paramref name="after"/>
    /// (in id order): <c>done</c> rows received before <paramref name="processedBefore"/>,
    /// <c>failed</c> ones before <paramref name="failedBefore"/>. Pending rows are never touched.
    /// The result says the last id the window covered (pass it as the next <paramref name="after"/>)
    /// and whether nothing after it can be old enough (stop then).
    /// </summary>
    Task<InboxPurgeWindow> PurgeWindowAsync(
        long after, int limit, DateTimeOffset processedBefore, DateTimeOffset failedBefore, CancellationToken cancellationToken);

    /// <summary>Rows per state (<c>pending</c>, <c>done</c>, <c>failed</c>); states without rows are absent.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken cancellationToken);
}

/// <summary>One retention window: the last id it covered, how many rows it deleted, and whether nothing after it can be old enough.</summary>
public readonly record struct InboxPurgeWindow(long LastId, int Deleted, bool Finished);

/// <summary>How processing one inbox row went: <see cref="Error"/> is null on success.</summary>
public sealed record InboxOutcome(long Id, string? Error)
{
    /// <summary>True for a delivery skipped because its event was already in the inbox (a Slack retry); it has no row of its own.</summary>
    public bool Duplicate { get; init; }
}
