using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// The inbox processor's connection, kept open with its statements compiled (<see cref="PreparedCommands"/>):
/// the round holds the process's write turn while it writes, and every acknowledgement waiting for
/// the turn waits for it, so compiling the same statements afresh each round is paid twice; and at
/// 1,000 events/s, opening (and configuring) a pooled connection and compiling the claim every
/// round was a tenth of the service's CPU.
/// </summary>
internal sealed class SqliteSession(SqliteDatabase database, SqliteConnection connection, bool keepCommands = true, SqliteGroupCommit? joins = null) : IProcessingSession
{
    // Tests run the same rounds with and without kept commands, which must behave the same.
    private readonly PreparedCommands? _prepared = keepCommands ? PreparedCommands.KeepOn(connection) : null;

    public SqliteConnection Connection => connection;

    public static SqliteSession Of(IProcessingSession session) =>
        session as SqliteSession
        ?? throw new ArgumentException($"A SQLite store was given a {session.GetType().Name}, not a session of the SQLite provider.", nameof(session));

    public IStorageRead BeginRead() => new SqliteRead(connection);

    // The round's commit takes the outbox's queued ends with it (SqliteGroupCommit.Join).
    public async Task<IStorageTransaction> BeginRoundAsync(CancellationToken cancellationToken) =>
        await database.BeginWriteAsync(connection, joins, cancellationToken);

    public void Dispose()
    {
        _prepared?.Dispose();
        connection.Dispose();
    }
}
