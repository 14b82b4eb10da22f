using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// A unit of work on PostgreSQL: a pooled connection and its transaction, both released on dispose;
/// or a processing round's transaction on the processor's kept connection, which stays open.
/// </summary>
public sealed class PostgresTransaction : IStorageTransaction
{
    private readonly bool _ownsConnection;

    private PostgresTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, bool ownsConnection = true)
    {
        Connection = connection;
        Transaction = transaction;
        _ownsConnection = ownsConnection;
    }

    internal NpgsqlConnection Connection { get; }

    internal NpgsqlTransaction Transaction { get; }

    public static async Task<PostgresTransaction> BeginAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return new PostgresTransaction(connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A transaction on a connection someone else keeps (the processor's session): disposing it leaves the connection open.</summary>
    internal static async Task<PostgresTransaction> BeginOnAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        new(connection, await connection.BeginTransactionAsync(cancellationToken), ownsConnection: false);

    /// <summary>The PostgreSQL transaction behind <paramref name="transaction"/>; another provider's is refused.</summary>
    public static PostgresTransaction From(IStorageTransaction transaction) =>
        transaction as PostgresTransaction
        ?? throw new ArgumentException($"A PostgreSQL store was given a {transaction.GetType().Name}; pass a transaction of the same provider.", nameof(transaction));

    public NpgsqlCommand Command(string sql) => Pg.Command(Connection, sql, Transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        if (_ownsConnection)
        {
            await Connection.DisposeAsync();
        }
    }
}
