using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// A write transaction holding the process's write turn (see <see cref="SqliteDatabase.BeginWriteAsync(CancellationToken)"/>).
/// Disposing it without <see cref="CommitAsync"/> rolls back; either way the turn passes on.
/// </summary>
public sealed class SqliteWrite : IStorageTransaction
{
    private readonly SemaphoreSlim _gate;
    private readonly bool _ownsConnection;
    private bool _disposed;
    private DateTimeOffset _formattedAt;
    private string? _formatted;

    internal SqliteWrite(SemaphoreSlim gate, SqliteConnection connection, SqliteTransaction transaction, bool ownsConnection)
    {
        _gate = gate;
        Connection = connection;
        Transaction = transaction;
        _ownsConnection = ownsConnection;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    /// <summary>The SQLite write behind a unit of work; another provider's transaction is a programming error.</summary>
    public static SqliteWrite Of(IStorageTransaction transaction) =>
        transaction as SqliteWrite
        ?? throw new ArgumentException($"A SQLite store was given a {transaction.GetType().Name}, not a transaction of the SQLite provider.", nameof(transaction));

    /// <summary>
    /// <paramref name="instant"/> as stored (<see cref="StoredInstant"/>), formatted once for the
    /// many rows of a round that share their "now".
    /// </summary>
    internal string Format(DateTimeOffset instant)
    {
        if (_formatted is null || instant != _formattedAt)
        {
            _formatted = StoredInstant.Format(instant);
            _formattedAt = instant;
        }

        return _formatted;
    }

    /// <summary>Set on the inbox round's transaction: queued group-commit writes join its commit (<see cref="SqliteGroupCommit.Join"/>).</summary>
    internal SqliteGroupCommit? Joins { get; init; }

    /// <summary>The caps' counts this transaction read or changed (<see cref="NudgeCapCounts"/>), kept once it commits.</summary>
    internal NudgeCapCounts.Changes? CapChanges { get; set; }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var joined = Joins is null ? null : await Joins.Join(Connection, Transaction);
        try
        {
            await Transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            joined?.NotCommitted();
            throw;
        }

        joined?.Committed();
        CapChanges?.Committed();
    }

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
