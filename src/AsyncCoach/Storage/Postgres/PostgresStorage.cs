using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The PostgreSQL provider's entry point: units of work on pooled connections, the processor's
/// kept session (processing the partitions this instance leases), and readiness. No local files: the inbox is a table every instance shares.
/// </summary>
public sealed class PostgresStorage(PostgresDatabase database, PartitionOwnership ownership) : IStorage
{
    public string? LocalFilePath => null;

    public string Description => database.Description;

    public async Task<IStorageTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        await PostgresTransaction.BeginAsync(database, cancellationToken);

    public async Task<IProcessingSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        new PostgresSession(await database.OpenAsync(cancellationToken), ownership);

    private const string ReadySql = "SELECT count(*) FROM schema_migrations";

    public async Task<StorageProblem?> CheckReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = Pg.Command(connection, ReadySql);
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new StorageProblem("database unreachable", $"{database.Description}: {ex.Message}");
        }
    }
}
