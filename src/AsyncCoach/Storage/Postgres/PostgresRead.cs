using System.Data;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>A read-only snapshot on the processor's kept connection, for a round's look-ups.</summary>
internal sealed class PostgresRead(NpgsqlConnection connection) : IStorageRead
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public static PostgresRead Of(IStorageRead read) =>
        read as PostgresRead
        ?? throw new ArgumentException($"A PostgreSQL store was given a {read.GetType().Name}, not a read of the PostgreSQL provider.", nameof(read));

    public NpgsqlCommand Command(string sql) => Pg.Command(Connection, sql, Transaction);

    public void Dispose() => Transaction.Dispose();
}
