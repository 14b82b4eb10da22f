using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Checkpoints the write-ahead log in the background, off the request path, every
/// <see cref="StorageOptions.CheckpointInterval"/> (1 s by default): a
/// passive checkpoint copies committed pages into the database file while writers carry on; once
/// the log has reached <see cref="RestartAtFrames"/>, further passive passes catch up and a final
/// pass, holding the write turn so that nothing new is appended meanwhile, copies the few pages
/// written since. Only a log copied in full can start over at the next commit; with passive
/// passes alone, under steady writes, the log was never complete and grew without bound (700 MB
/// in 13 s at saturation), and every read searched it.
/// </summary>
public sealed partial class WalCheckpointer(
    SqliteDatabase database, DatabaseReadiness readiness, TimeProvider time, IOptions<StorageOptions> options, ILogger<WalCheckpointer> logger) : BackgroundService
{

    /// <summary>
    /// The log size (in pages, 64 MB at SQLite's default 4 KB) from which a checkpoint takes the
    /// write turn for its final pass. Below it, writes are never held: the final pass waits for
    /// SQLite's syncs, and doing it every second showed in the p99 at 1,000 events/s.
    /// </summary>
    public const long RestartAtFrames = 16_384;

    private const int MaxCatchUpPasses = 4;
    private const long FewFrames = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
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
                    await CheckpointAsync(database, RestartAtFrames, stoppingToken);
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

    /// <summary>
    /// One checkpoint: a passive pass while writers carry on; then, once the log holds at least
    /// <paramref name="restartAtFrames"/> frames, a final pass holding the write turn. Returns the
    /// last pass's result; after a final pass with no reader on an old snapshot it is complete.
    /// </summary>
    public static async Task<WalCheckpoint> CheckpointAsync(SqliteDatabase database, long restartAtFrames, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        var passive = await RunAsync(command, cancellationToken);
        if (passive.LogFrames < restartAtFrames)
        {
            return passive;
        }

        // More passive passes, each copying what was appended during the one before in a
        // fraction of its time, until little is left: the final pass holds writers while it
        // copies what remains and waits for SQLite's syncs, so that should be little.
        for (var pass = 0; pass < MaxCatchUpPasses; pass++)
        {
            var next = await RunAsync(command, cancellationToken);
            var appendedMeanwhile = next.LogFrames - passive.LogFrames;
            passive = next;
            if (appendedMeanwhile < FewFrames)
            {
                break;
            }
        }

        using (await database.TakeWriteTurnAsync(cancellationToken))
        {
            return await RunAsync(command, cancellationToken);
        }
    }

    private static async Task<WalCheckpoint> RunAsync(Microsoft.Data.Sqlite.SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WalCheckpoint(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "A background WAL checkpoint failed; the next one retries")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// What <c>PRAGMA wal_checkpoint</c> reported: whether it was blocked, the frames in the log, and
/// how many of them are now in the database file. A complete checkpoint lets the next commit
/// start the log over.
/// </summary>
public readonly record struct WalCheckpoint(bool Busy, long LogFrames, long CheckpointedFrames)
{
    public bool Complete => !Busy && LogFrames == CheckpointedFrames;
}
