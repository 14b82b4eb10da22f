using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Where final findings go: recorded, and (with nudges) turned into at most one nudge per message.
/// A sink is a unit of work: <see cref="AcceptAsync"/> stages findings (and does any look-ups),
/// <see cref="WriteAsync"/> writes everything staged through the caller's transaction, so one
/// inbox round's findings, nudges and inbox outcomes commit together in one transaction, and
/// <see cref="Committed"/> runs once that transaction is durable.
/// </summary>
public interface IFindingSink
{
    Task AcceptAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);

    Task WriteAsync(IStorageTransaction transaction, CancellationToken cancellationToken);

    void Committed();
}

public static class FindingSinkExtensions
{
    /// <summary>Writes what the sink has staged in a transaction of its own (outside an inbox round).</summary>
    public static async Task CommitAsync(this IFindingSink sink, IStorage storage, CancellationToken cancellationToken)
    {
        await using (var transaction = await storage.BeginTransactionAsync(cancellationToken))
        {
            await sink.WriteAsync(transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        sink.Committed();
    }
}
