using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>The SQLite provider's entry point: one file, one process, writers taking turns in memory.</summary>
public sealed class SqliteStorage(SqliteDatabase database, SqliteGroupCommit? groupCommit = null) : IStorage
{
    public string? LocalFilePath => database.IsOnDisk ? database.FilePath : null;

    public string Description => Path.GetFullPath(database.FilePath);

    public async Task<IStorageTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        await database.BeginWriteAsync(cancellationToken);

    public async Task<IProcessingSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        new SqliteSession(database, await database.OpenAsync(cancellationToken), joins: groupCommit);

    public async Task<StorageProblem?> CheckReadyAsync(CancellationToken cancellationToken)
    {
        // Pooled connections keep a deleted file open and go on answering: only the path tells.
        if (database.IsFileMissing)
        {
            return new StorageProblem(
                "database file missing",
                $"{database.FilePath} no longer exists: open connections still write to the deleted file, and that is lost when the service stops");
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_version";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            return new StorageProblem("database unreachable", ex.Message);
        }
    }
}
