namespace AsyncCoach.Storage;

/// <summary>
/// Checkpoints the write-ahead log in the background, off the request path: a passive checkpoint
/// every second copies committed pages into the database file without blocking writers, so the
/// log stays small and a commit never waits for a checkpoint.
/// </summary>
public sealed partial class WalCheckpointer(
    SqliteDatabase database, DatabaseReadiness readiness, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            if (!await readiness.WaitForMigrationAsync(stoppingToken))
            {
                return;
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var connection = await database.OpenAsync(stoppingToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Microsoft.Data.Sqlite.SqliteException ex)
                {
                    Log.CheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "A background WAL checkpoint failed; the next one retries")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception);
    }
}
