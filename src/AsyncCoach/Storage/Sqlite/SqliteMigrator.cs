namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Creates the database file's folder, switches the file to write-ahead logging and applies the
/// embedded scripts (<see cref="DatabaseMigrator"/>). Microsoft.Data.Sqlite's async methods
/// complete synchronously; the caller runs this on a thread of its own.
/// </summary>
public sealed class SqliteMigrator(SqliteDatabase database) : IDatabaseMigrator
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(database.FilePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await SqliteDatabase.EnableWalAsync(connection, cancellationToken);
        return DatabaseMigrator.Migrate(connection);
    }
}
