using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The inbox processor's session on PostgreSQL: one connection kept across rounds (its statements
/// prepared on the server once, see <see cref="PostgresDatabase"/>), holding the database's
/// processing lock once it has it. Of the instances sharing a database one processes the inbox at a
/// time: the one whose session holds a session-level advisory lock. Every instance acknowledges
/// (inserts inbox rows); only the lock's holder claims them, so each row is processed by one
/// process, in id order, and a conversation's order is kept across instances. The lock lives as
/// long as the connection: when the instance dies or its connection breaks, PostgreSQL releases it
/// and another instance's next claim takes it; the dead connection cannot commit a round after
/// that, because the round's transaction is on the same connection (the lock is its fencing).
/// </summary>
internal sealed class PostgresSession(NpgsqlConnection connection) : IProcessingSession
{
    // Any bigint unique to this purpose: "AsyncInb" in ASCII (the migrations use another key).
    private const long ProcessingLockKey = 0x4173796E63496E62;

    private const string TryLockSql = "SELECT pg_try_advisory_lock(@Key)";

    private const string UnlockSql = "SELECT pg_advisory_unlock(@Key)";

    public NpgsqlConnection Connection => connection;

    /// <summary>Whether this session holds the processing lock (it keeps it until disposed).</summary>
    public bool IsProcessor { get; private set; }

    public static PostgresSession Of(IProcessingSession session) =>
        session as PostgresSession
        ?? throw new ArgumentException($"A PostgreSQL store was given a {session.GetType().Name}, not a session of the PostgreSQL provider.", nameof(session));

    /// <summary>Takes the processing lock if no other session holds it; true when this session holds it.</summary>
    public async Task<bool> TryBecomeProcessorAsync(CancellationToken cancellationToken)
    {
        if (!IsProcessor)
        {
            await using var command = Pg.Command(connection, TryLockSql).With("Key", ProcessingLockKey);
            IsProcessor = await command.ExecuteScalarAsync(cancellationToken) is true;
        }

        return IsProcessor;
    }

    public IStorageRead BeginRead() => new PostgresRead(connection);

    public async Task<IStorageTransaction> BeginRoundAsync(CancellationToken cancellationToken) =>
        await PostgresTransaction.BeginOnAsync(connection, cancellationToken);

    public void Dispose()
    {
        // A pooled connection keeps session state until it is reused; the lock must go now, so
        // that another instance can take over at once.
        if (IsProcessor)
        {
            try
            {
                using var command = Pg.Command(connection, UnlockSql).With("Key", ProcessingLockKey);
                command.ExecuteNonQuery();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection is broken: the server has already released the lock with it.
            }

            IsProcessor = false;
        }

        connection.Dispose();
    }
}
