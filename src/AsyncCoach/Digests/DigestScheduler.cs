using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Digests;

/// <summary>Runs <see cref="DigestRun"/> at start (the catch-up after downtime) and then every <see cref="DigestOptions.CheckInterval"/>.</summary>
public sealed partial class DigestScheduler(
    DigestRun run, DatabaseReadiness database, TimeProvider time, IOptions<DigestOptions> options, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await database.WaitForMigrationAsync(stoppingToken))
            {
                return;
            }

            using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
            do
            {
                try
                {
                    await run.RunAsync(time.GetUtcNow(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PassFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2312, Level = LogLevel.Error, Message = "A digest scheduling pass failed; trying again at the next one")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
