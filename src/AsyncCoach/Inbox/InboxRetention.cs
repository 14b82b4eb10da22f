using AsyncCoach.Observability;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Inbox;

/// <summary>
/// Deletes finished inbox rows once they are past their retention (<see cref="InboxOptions.KeepProcessedFor"/>,
/// <see cref="InboxOptions.KeepFailedFor"/>): every <see cref="Interval"/>. Without it
/// the inbox keeps a row per event for ever and the database only grows. Deleting in windows of
/// <see cref="WindowSize"/> rows, each its own short write, lets acknowledgements take their turn
/// between windows; <c>secure_delete</c> overwrites what is deleted, and the freed pages are reused.
/// </summary>
public sealed partial class InboxRetention(
    IInboxStore inbox,
    DatabaseReadiness readiness,
    TimeProvider time,
    IOptions<InboxOptions> options,
    AsyncCoachMetrics metrics,
    ILogger<InboxRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    internal const int WindowSize = 250;

    private TaskCompletionSource<int> _nextRun = NewRun();

    /// <summary>Completes with the number of rows deleted when the next run (after this read) ends.</summary>
    internal Task<int> NextRun => Volatile.Read(ref _nextRun).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The clock starts with the host, not with the migration.
        using var timer = new PeriodicTimer(Interval, time);
        if (!await readiness.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        try
        {
            // Not at once: start-up is on the clock to be ready, and ten minutes do not matter here.
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var deleted = await PurgeAsync(stoppingToken);
                    Interlocked.Exchange(ref _nextRun, NewRun()).TrySetResult(deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed run must not stop the host; the next one retries.
                    Log.PurgeFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Deletes every finished row past its retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var processedBefore = now - settings.KeepProcessedFor;
        var failedBefore = now - settings.KeepFailedFor;
        var after = 0L;
        var total = 0;
        while (true)
        {
            var window = await inbox.PurgeWindowAsync(after, WindowSize, processedBefore, failedBefore, cancellationToken);

            total += window.Deleted;
            if (window.Finished)
            {
                break;
            }

            after = window.LastId;
        }

        metrics.RetentionDeleted("inbox", total);
        if (total > 0)
        {
            Log.Purged(logger, total, processedBefore, failedBefore);
        }

        return total;
    }

    private static TaskCompletionSource<int> NewRun() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Deleted {Count} finished inbox rows (cut-offs: processed ones that arrived before {ProcessedBefore}, failed ones before {FailedBefore})")]
        public static partial void Purged(ILogger logger, int count, DateTimeOffset processedBefore, DateTimeOffset failedBefore);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Deleting old inbox rows failed; the next run retries")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
