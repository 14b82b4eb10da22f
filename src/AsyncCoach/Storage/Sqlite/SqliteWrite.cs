using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage;

/// <summary>
/// A write transaction holding the process's write turn (see <see cref="SqliteDatabase.BeginWriteAsync(CancellationToken)"/>).
/// Disposing it without <see cref="CommitAsync"/> rolls back; either way the turn passes on.
/// </summary>
public sealed class SqliteWrite : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate;
    private readonly bool _ownsConnection;
    private bool _disposed;

    internal SqliteWrite(SemaphoreSlim gate, SqliteConnection connection, SqliteTransaction transaction, bool ownsConnection)
    {
        _gate = gate;
        Connection = connection;
        Transaction = transaction;
        _ownsConnection = ownsConnection;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await Transaction.DisposeAsync();
            if (_ownsConnection)
            {
                await Connection.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
