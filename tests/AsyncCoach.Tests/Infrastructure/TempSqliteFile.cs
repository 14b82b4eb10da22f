using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>A SQLite file of a test's own, opened the way the service opens it; deleted with its -wal, -shm and inbox journal on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile(string name)
    {
        Path = TestFiles.NewDatabase(name);
        Database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path}" }));
    }

    public string Path { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Brings the file to the service's current schema, as start-up does.</summary>
    public void Migrate()
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        DatabaseMigrator.Migrate(connection);
    }

    public void Dispose()
    {
        Database.Dispose();
        Delete(Path);
    }

    /// <summary>Deletes a database file with everything the service keeps beside it (its -wal, -shm, inbox journal and token key ring).</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        foreach (var folder in new[] { ".inbox", ".keys" })
        {
            if (Directory.Exists(path + folder))
            {
                Directory.Delete(path + folder, recursive: true);
            }
        }
    }
}
