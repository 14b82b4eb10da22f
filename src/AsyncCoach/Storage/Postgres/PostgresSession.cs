using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The inbox processor's session on PostgreSQL: one connection kept across rounds (its statements
/// prepared on the server once, see <see cref="PostgresDatabase"/>). Every instance processes,
/// each the conversations of the partitions it leases (<see cref="PartitionOwnership"/>): the claim
/// takes only their pending rows, and each round's transaction starts with the fence, so an
/// instance that lost a partition (it was paused, or cut off, past its lease) cannot commit a round
/// that touched it: the round rolls back and the new owner processes its rows.
/// </summary>
internal sealed class PostgresSession(NpgsqlConnection connection, PartitionOwnership ownership) : IProcessingSession
{
    public NpgsqlConnection Connection => connection;

    /// <summary>The partitions whose rows this session claims.</summary>
    public int[] Partitions => ownership.Held;

    public static PostgresSession Of(IProcessingSession session) =>
        session as PostgresSession
        ?? throw new ArgumentException($"A PostgreSQL store was given a {session.GetType().Name}, not a session of the PostgreSQL provider.", nameof(session));

    public IStorageRead BeginRead() => new PostgresRead(connection);

    public async Task<IStorageTransaction> BeginRoundAsync(CancellationToken cancellationToken)
    {
        var round = await PostgresTransaction.BeginOnAsync(connection, cancellationToken);
        try
        {
            if (!await ownership.HoldsAllAsync(round, cancellationToken))
            {
                throw new PartitionLostException();
            }

            return round;
        }
        catch
        {
            await round.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => connection.Dispose();
}

/// <summary>A round was fenced off: another instance took over some of its conversations, so it must not commit.</summary>
public sealed class PartitionLostException()
    : InvalidOperationException("This instance no longer holds every conversation partition of the round; rolled back, their new owner processes them.");
