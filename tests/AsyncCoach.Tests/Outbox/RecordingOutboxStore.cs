using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Outbox;

/// <summary>Records the sender's reads (the clock they ran at) and claims, passing everything to the real store.</summary>
internal sealed class RecordingOutboxStore
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Now, int Found)> _reads = [];
    private readonly List<IReadOnlyList<long>> _claims = [];
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstRound => _firstRound.Task;

    public IReadOnlyList<(DateTimeOffset Now, int Found)> Reads
    {
        get
        {
            lock (_gate)
            {
                return [.. _reads];
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<long>> Claims
    {
        get
        {
            lock (_gate)
            {
                return [.. _claims];
            }
        }
    }

    public IOutboxStore Wrap(IOutboxStore inner) => new Recording(inner, this);

    private void Read(DateTimeOffset now, int found)
    {
        lock (_gate)
        {
            _reads.Add((now, found));
        }
    }

    private void Claimed(IReadOnlyList<long> ids)
    {
        lock (_gate)
        {
            _claims.Add(ids);
        }
    }

    private sealed class Recording(IOutboxStore inner, RecordingOutboxStore record) : IOutboxStore
    {
        public Task<long?> TryEnqueueAsync(IStorageTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TryEnqueueAsync(transaction, message, now, cancellationToken);

        public Task<long?> TryEnqueueAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TryEnqueueAsync(message, now, cancellationToken);

        public async Task<(IReadOnlyList<DueRow> Due, DateTimeOffset? Next)> DueAsync(
            DateTimeOffset now, int limit, IReadOnlyList<string> busyTeams, CancellationToken cancellationToken)
        {
            var result = await inner.DueAsync(now, limit, busyTeams, cancellationToken);
            record.Read(now, result.Due.Count);
            record._firstRound.TrySetResult();
            return result;
        }

        public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
        {
            var claimed = await inner.ClaimAsync(ids, cancellationToken);
            record.Claimed([.. claimed.Select(r => r.Id)]);
            return claimed;
        }

        public Task ReleaseAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(id, notBefore, cancellationToken);

        public Task<bool> MarkSendingAsync(long id, CancellationToken cancellationToken) => inner.MarkSendingAsync(id, cancellationToken);

        public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.RecoverInterruptedAsync(now, cancellationToken);

        public Task EndAsync(long id, string state, string? reason, string? attemptOutcome, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.EndAsync(id, state, reason, attemptOutcome, now, cancellationToken);

        public Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.DeferAsync(row, outcome, retryAt, wholeTeam, now, cancellationToken);
    }
}
