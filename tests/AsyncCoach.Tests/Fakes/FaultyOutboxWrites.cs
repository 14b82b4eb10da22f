using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Fakes;

/// <summary>The outbox store with a fault at the writes that end or defer a claimed row; everything else passes through.</summary>
public sealed class FaultyOutboxWrites(IOutboxStore inner) : IOutboxStore
{
    /// <summary>Fails <see cref="EndAsync"/> and <see cref="DeferAsync"/>, before they reach the database.</summary>
    public Fault Outcome { get; } = new();

    public Task<long?> TryEnqueueAsync(IStorageTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryEnqueueAsync(transaction, message, now, cancellationToken);

    public Task<long?> TryEnqueueAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryEnqueueAsync(message, now, cancellationToken);

    public Task<(IReadOnlyList<DueRow> Due, DateTimeOffset? Next)> DueAsync(
        DateTimeOffset now, int limit, IReadOnlyList<string> busyTeams, CancellationToken cancellationToken) =>
        inner.DueAsync(now, limit, busyTeams, cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        inner.ClaimAsync(ids, cancellationToken);

    public Task ReleaseAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(id, notBefore, cancellationToken);

    public Task<bool> MarkSendingAsync(long id, CancellationToken cancellationToken) => inner.MarkSendingAsync(id, cancellationToken);

    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RecoverInterruptedAsync(now, cancellationToken);

    public Task EndAsync(long id, string state, string? reason, string? attemptOutcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Outcome.Check();
        return inner.EndAsync(id, state, reason, attemptOutcome, now, cancellationToken);
    }

    public Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Outcome.Check();
        return inner.DeferAsync(row, outcome, retryAt, wholeTeam, now, cancellationToken);
    }
}
