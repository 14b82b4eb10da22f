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
/// </summary>
public sealed class ClassifierWarmup(IServiceProvider services, TimeProvider time, IHostApplicationLifetime lifetime) : IHostedService
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved on the warm-up thread, not here: building it is most of the work.
        lifetime.ApplicationStarted.Register(() => _timer = time.CreateTimer(
            _ => new Thread(() => services.GetRequiredService<TaskClassifier>().Classify("review the launch plan"))
            {
                IsBackground = true,
                Name = "Classifier warm-up",
            }.Start(),
            null,
            Delay,
            Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
    }
}
