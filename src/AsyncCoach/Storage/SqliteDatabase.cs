using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage;

/// <summary>
/// Opens pooled SQLite connections with the per-connection settings AsyncCoach relies on:
/// a busy timeout, the configured commit durability (<see cref="StorageOptions.Synchronous"/>),
/// <c>secure_delete</c> so cleared message payloads are overwritten on disk, and no automatic
/// checkpoints: those would run inside whichever commit crosses the threshold, often the inbox's
/// group commit, and hold every waiting acknowledgement; <see cref="WalCheckpointer"/> runs them instead.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionPragmas;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString) { Pooling = true };
        ConnectionString = builder.ToString();
        FilePath = builder.DataSource;
        var synchronous = options.Value.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        _connectionPragmas = $"""
            PRAGMA busy_timeout = 5000;
            PRAGMA synchronous = {synchronous};
            PRAGMA secure_delete = ON;
            PRAGMA foreign_keys = ON;
            PRAGMA wal_autocheckpoint = 0;
            """;
    }

    public string ConnectionString { get; }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _connectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Switches the file to write-ahead logging; persistent, so once at start is enough. Outside a
    /// transaction, on a connection from <see cref="OpenAsync"/>.
    /// </summary>
    public static async Task EnableWalAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
