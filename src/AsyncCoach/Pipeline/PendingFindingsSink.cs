using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The round's sink with the tracker's pending findings: what began and ended waiting during the
/// round is written in the same transaction as the findings released and the inbox outcomes, so
/// after a crash or a restart the stored pending findings match the events processed.
/// </summary>
public sealed class PendingFindingsSink(IFindingSink inner, TrackerHost tracker, IPendingFindingStore store) : IFindingSink
{
    public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        inner.AcceptAsync(findings, cancellationToken);

    public async Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
    {
        var changes = tracker.DrainPendingChanges();
        if (changes.Count > 0)
        {
            await store.WriteAsync(transaction, changes, cancellationToken);
        }

        await inner.WriteAsync(transaction, cancellationToken);
    }

    public void Committed() => inner.Committed();
}
