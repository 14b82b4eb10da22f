using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>A deferred (read) transaction on the processor's kept connection: one snapshot for a round's look-ups.</summary>
internal sealed class SqliteRead(SqliteConnection connection) : IStorageRead
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = connection.BeginTransaction(deferred: true);

    public static SqliteRead Of(IStorageRead read) =>
        read as SqliteRead
        ?? throw new ArgumentException($"A SQLite store was given a {read.GetType().Name}, not a read of the SQLite provider.", nameof(read));

    public void Dispose() => Transaction.Dispose();
}
