using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Opens pooled SQLite connections with the per-connection settings AsyncCoach relies on:
/// a busy timeout, the configured commit durability (<see cref="StorageOptions.Synchronous"/>),
/// <c>secure_delete</c> so cleared message payloads are overwritten on disk, and no automatic
/// checkpoints: those would run inside whichever commit crosses the threshold, often the inbox's
/// group commit, and hold every waiting acknowledgement; <see cref="WalCheckpointer"/> runs them instead.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionPragmas;
    private readonly bool _onDisk;

    // One writer at a time, queued here rather than in SQLite's busy handler, which sleeps
    // 1, 2, 5, 10… ms between tries: a waiting write starts the moment the previous one ends.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Pages of the database file are read through a memory map rather than pread. Every commit of
    // another connection empties a connection's page cache (the inbox round's after each outbox
    // claim or end, and the other way round), and refilling it cost ~50 pread calls per nudge
    // sent in the nudge loop (docs/benchmarks.md, "Nudge loop"). Pages still in the WAL are read as before.
    private const long MmapSize = 1L << 30;

    // Native connections (kept open by the pool) whose pragmas are set; forgotten with them.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private static readonly object Configured = new();

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString) { Pooling = true };
        ConnectionString = builder.ToString();
        FilePath = builder.DataSource;
        _onDisk = builder.Mode != SqliteOpenMode.Memory
            && FilePath.Length > 0
            && FilePath != ":memory:"
            && !FilePath.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        var synchronous = options.Value.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL";
        _connectionPragmas = $"""
            PRAGMA busy_timeout = 5000;
            PRAGMA synchronous = {synchronous};
            PRAGMA secure_delete = ON;
            PRAGMA foreign_keys = ON;
            PRAGMA wal_autocheckpoint = 0;
            PRAGMA mmap_size = {MmapSize};
            """;
    }

    public string ConnectionString { get; }

    /// <summary>The caps' counts per author, kept by the writes of this process (the only writer of the file).</summary>
    internal NudgeCapCounts NudgeCaps { get; } = new();

    public string FilePath { get; }

    /// <summary>
    /// True when the database is a plain file path and that file is no longer there (deleted or
    /// moved while the service runs). Pooled connections keep the deleted file open and go on
    /// answering, so only the path tells: whatever is written now is lost at the next start.
    /// </summary>
    public bool IsFileMissing => _onDisk && !File.Exists(FilePath);

    /// <summary>True when the database is a plain file path (not in memory, not a URI).</summary>
    public bool IsOnDisk => _onDisk;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // The settings belong to the native connection, which the pool keeps open between
            // uses: set them the first time a native connection is handed out, not on every
            // open (the outbox and the inbox open one per round and per commit).
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = _connectionPragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a pooled connection and starts a write transaction once it is this caller's turn:
    /// every write in the process goes through here (or the overload that takes a connection),
    /// so writers never contend inside SQLite.
    /// </summary>
    public async Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            return await BeginWriteAsync(connection, ownsConnection: true, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a write transaction on a connection the caller keeps open (the inbox writer's).</summary>
    public Task<SqliteWrite> BeginWriteAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        BeginWriteAsync(connection, ownsConnection: false, cancellationToken);

    /// <summary>As above; the group commit's queued writes join this transaction's commit (the inbox round's).</summary>
    internal Task<SqliteWrite> BeginWriteAsync(SqliteConnection connection, SqliteGroupCommit? joins, CancellationToken cancellationToken) =>
        BeginWriteAsync(connection, ownsConnection: false, cancellationToken, joins);

    private async Task<SqliteWrite> BeginWriteAsync(SqliteConnection connection, bool ownsConnection, CancellationToken cancellationToken, SqliteGroupCommit? joins = null)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE: the write lock is taken now, not at the first write.
            return new SqliteWrite(_writeGate, connection, connection.BeginTransaction(deferred: false), ownsConnection) { Joins = joins };
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>
    /// Waits for the process's write turn without starting a transaction, so that nothing is
    /// written until the returned turn is disposed (the checkpointer's final pass).
    /// </summary>
    public async Task<IDisposable> TakeWriteTurnAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(_writeGate);
    }

    public void Dispose() => _writeGate.Dispose();

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

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
