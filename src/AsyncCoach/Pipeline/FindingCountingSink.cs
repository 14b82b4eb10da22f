using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The round's sink with the digest's findings counters: the inner sink inserts the round's
/// findings through a <see cref="CountingFindingStore"/> that tallies the new ones, and the tally is
/// written after them in the same transaction, so a round that fails counts nothing and is counted
/// when it is processed again.
/// </summary>
public sealed class FindingCountingSink(IFindingSink inner, FindingCountTally tally) : IFindingSink
{
    public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        inner.AcceptAsync(findings, cancellationToken);

    public async Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
    {
        tally.Clear();
        await inner.WriteAsync(transaction, cancellationToken);
        tally.Write(transaction);
    }

    public void Committed()
    {
        tally.Clear();
        inner.Committed();
    }
}
