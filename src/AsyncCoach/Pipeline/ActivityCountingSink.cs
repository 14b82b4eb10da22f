using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The round's sink with its activity counters: the counters are written in the same transaction
/// as the findings and the inbox outcomes, so a round that fails counts nothing and is counted
/// when it is processed again.
/// </summary>
public sealed class ActivityCountingSink(IFindingSink inner, ActivityTally tally) : IFindingSink
{
    public Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        inner.AcceptAsync(findings, cancellationToken);

    public Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
    {
        tally.Write(transaction);
        return inner.WriteAsync(transaction, cancellationToken);
    }

    public void Committed()
    {
        tally.Committed();
        inner.Committed();
    }
}
