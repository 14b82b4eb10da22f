using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Commands;

/// <summary>
/// Loads the taxonomy and runs one classification (a few hundred milliseconds of CPU the first
/// time) shortly after the host has started, so the first <c>/async</c> answers well within
/// Slack's 3 seconds without holding start-up, or readiness, back. It waits <see cref="Delay"/>
/// after start because on two cores even a thread of its own took the CPU from the first
/// requests (time to ready went from about 0.72 to 0.95 s under load); a command that arrives
/// before it loads the taxonomy itself, which still fits in Slack's time. It runs on a thread of
/// its own, not a thread-pool thread, so that much synchronous work never holds up a request.
/// A warm-up never takes the service down: if the host stops while it runs, or the warm-up
/// fails, the first command does the work (and reports any error) itself.
/// </summary>
public sealed partial class ClassifierWarmup(IServiceProvider services, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ClassifierWarmup> logger) : IHostedService
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved on the warm-up thread, not here: building it is most of the work.
        lifetime.ApplicationStarted.Register(() => _timer = time.CreateTimer(
            _ => new Thread(WarmUp)
            {
                IsBackground = true,
                Name = "Classifier warm-up",
            }.Start(),
            null,
            Delay,
            Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    /// <summary>Builds the classifier and classifies one task; what the warm-up thread runs.</summary>
    internal void WarmUp()
    {
        try
        {
            services.GetRequiredService<TaskClassifier>().Classify("review the launch plan");
        }
        catch (ObjectDisposedException)
        {
            // The host stopped after the timer fired: there is nothing left to warm up.
        }
        catch (Exception exception)
        {
            LogWarmupFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Classifier warm-up failed; the first /async classify builds the taxonomy itself")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
    }
}
