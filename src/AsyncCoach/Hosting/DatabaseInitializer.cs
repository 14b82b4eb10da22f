using AsyncCoach.Storage;

namespace AsyncCoach.Hosting;

/// <summary>Brings the database up to date before the server accepts a request.</summary>
public sealed class DatabaseInitializer(SqliteDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StartupTrace.Mark("database start");
        DapperSetup.EnsureRegistered();
        var directory = Path.GetDirectoryName(Path.GetFullPath(database.FilePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await SqliteDatabase.EnableWalAsync(connection, cancellationToken);
        DatabaseMigrator.Migrate(connection);
        StartupTrace.Mark("database migrated");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
