namespace AsyncCoach.Storage;

/// <summary>
/// Delivering the outbox: every message AsyncCoach sends to Slack is first a durable row (the
/// <c>nudges</c> table, whatever its kind), then claimed, sent, and ended. Enqueueing a nudge is
/// <see cref="INudgeStore.TryAddAsync"/>'s (it has rules and caps); every other kind is enqueued here.
/// </summary>
/// <remarks>
/// States: <see cref="Pending"/> (due at its next attempt time) → <see cref="Sending"/> (claimed,
/// durably, before Slack is called) → <see cref="Sent"/>, <see cref="Expired"/> or <see cref="Failed"/>
/// (ended: the payload is cleared, it may quote the author). A deferred row goes back to
/// <see cref="Pending"/> with a later due time. At most once: a row is handed to Slack only after
/// its claim committed, and a row left <see cref="Sending"/> by a crash is ended, never sent again.
/// Writes the sender makes concurrently (claims, ends, deferrals) may be grouped into one commit by
/// the provider; each method's task completes once its own write is durable, and one failing
/// write does not undo the others.
/// </remarks>
public interface IOutboxStore
{
    const string NudgeKind = "nudge";
    const string Pending = "pending";
    const string Sending = "sending";
    const string Sent = "sent";
    const string Expired = "expired";
    const string Failed = "failed";

    /// <summary>
    /// Adds a message of any kind but <see cref="NudgeKind"/> (which throws <see cref="ArgumentException"/>)
    /// inside the caller's transaction, <see cref="Pending"/> and due at its
    /// <see cref="OutboxMessage.NotBefore"/> (or <paramref name="now"/> if that is earlier or unset),
    /// unless a row with the same kind, team, recipient and key exists (any state); returns the new
    /// row's id, or null. Notify <c>OutboxSignal</c> after committing.
    /// </summary>
    Task<long?> TryEnqueueAsync(IStorageTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>As above, in a transaction of its own; committed when the task completes.</summary>
    Task<long?> TryEnqueueAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A round of the sender: at most <paramref name="limit"/> <see cref="Pending"/> rows due at
    /// <paramref name="now"/> (next attempt at or before it), ordered by due time, then team, then
    /// id, passing over every row of the <paramref name="busyTeams"/>; and the earliest due time
    /// after <paramref name="now"/> of any pending row (null: none), so the sender knows when to
    /// wake. Reading claims nothing.
    /// </summary>
    Task<(IReadOnlyList<DueRow> Due, DateTimeOffset? Next)> DueAsync(
        DateTimeOffset now, int limit, IReadOnlyList<string> busyTeams, CancellationToken cancellationToken);

    /// <summary>
    /// The claim of a round: of <paramref name="ids"/>, the rows still <see cref="Pending"/> become
    /// <see cref="Sending"/> with one more attempt counted, durably, before any is handed to Slack.
    /// Returns the claimed rows with their payload (<see cref="OutboxRow.Attempts"/> = attempts
    /// before this one), in no particular order; a row another claimer already took is not among
    /// them, so each row is claimed by exactly one caller.
    /// </summary>
    Task<IReadOnlyList<OutboxRow>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back a claimed row that was never handed to Slack: <see cref="Pending"/> again, its
    /// claim's attempt not counted, due no earlier than <paramref name="notBefore"/>. A row no longer
    /// <see cref="Sending"/> is left alone.
    /// </summary>
    Task ReleaseAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>One row's claim (<see cref="Pending"/> → <see cref="Sending"/>, one more attempt), durable when it completes; false when the row was not pending.</summary>
    Task<bool> MarkSendingAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// At start: ends as <see cref="Failed"/> (reason <c>interrupted</c>, payload cleared, an
    /// <c>interrupted</c> attempt recorded) the rows a stopped process left <see cref="Sending"/>:
    /// their call may or may not have reached Slack, and sending again could nudge twice. Returns
    /// how many. With SQLite one process owns the file, so that is every <see cref="Sending"/> row;
    /// a provider shared by several live instances must end only rows whose claimer is gone.
    /// </summary>
    Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a row: <paramref name="state"/> is <see cref="Sent"/> (sent at <paramref name="now"/>),
    /// <see cref="Expired"/> or <see cref="Failed"/>, with <paramref name="reason"/>; the payload is
    /// cleared. With <paramref name="attemptOutcome"/> set, the attempt is recorded with it.
    /// </summary>
    Task EndAsync(long id, string state, string? reason, string? attemptOutcome, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt (<paramref name="outcome"/>) and makes the row <see cref="Pending"/>
    /// again, due at <paramref name="retryAt"/>; with <paramref name="wholeTeam"/> (rate limited)
    /// every other pending row of the team due earlier waits until then too.
    /// </summary>
    Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// A row the outbox sender works on. For a nudge the columns mean what their names say; for any
/// other kind <see cref="AuthorId"/> (and <see cref="ChannelId"/>) is the recipient's user id,
/// <see cref="MessageTs"/> is <c>kind:key</c> and <see cref="ContentJson"/> the kind's payload.
/// <see cref="ContentJson"/> is null once the row ended. <see cref="Attempts"/> counts the attempts
/// made before this one; <see cref="State"/> is <c>sending</c> once the row is claimed.
/// </summary>
public sealed record OutboxRow(
    long Id, string TeamId, string ChannelId, string MessageTs, string? ThreadTs, string AuthorId, string Delivery,
    string? ContentJson, string State, long Attempts, DateTimeOffset ExpiresAt, string Kind = IOutboxStore.NudgeKind)
{
    /// <summary>
    /// The payload as its writer built it, when the row is handed to the sender in-process (an
    /// inbox round's nudge written claimed): <see cref="ContentJson"/> is what is stored, and a
    /// kind's sender may use this instead of parsing it again. Null for a row read from the database.
    /// </summary>
    public object? Payload { get; init; }
}

/// <summary>What a round of the sender needs to decide about a due row, before claiming it.</summary>
public sealed record DueRow(long Id, string TeamId, string Kind, DateTimeOffset ExpiresAt);

/// <summary>
/// A message of any kind but a nudge, for <see cref="IOutboxStore.TryEnqueueAsync(OutboxMessage, DateTimeOffset, CancellationToken)"/>.
/// <paramref name="Key"/> makes it idempotent: a second message with the same kind, team,
/// recipient and key is not added (a digest's key is its week, so a week is claimed once).
/// </summary>
public sealed record OutboxMessage(
    string Kind, string TeamId, string RecipientId, string Key, string PayloadJson, DateTimeOffset ExpiresAt)
{
    /// <summary>Not sent before this instant (null: as soon as a lane is free).</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
