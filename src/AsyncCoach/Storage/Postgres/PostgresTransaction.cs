using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>A unit of work on PostgreSQL: a pooled connection and its transaction, both released on dispose.</summary>
public sealed class PostgresTransaction : IStorageTransaction
{
    private PostgresTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
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

    /// <summary>The PostgreSQL transaction behind <paramref name="transaction"/>; another provider's is refused.</summary>
    public static PostgresTransaction From(IStorageTransaction transaction) =>
        transaction as PostgresTransaction
        ?? throw new ArgumentException($"A PostgreSQL store was given a {transaction.GetType().Name}; pass a transaction of the same provider.", nameof(transaction));

    public NpgsqlCommand Command(string sql) => Pg.Command(Connection, sql, Transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
