using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Commands;

/// <summary>
/// Loads the taxonomy and runs one classification (a few hundred milliseconds of CPU the first
/// time) once the host has started, so the first <c>/async</c> answers well within Slack's 3
/// seconds without holding start-up, and readiness, back. It runs on a thread of its own: on a
/// thread-pool thread that much synchronous work would keep Kestrel's first connections waiting
/// for a pool thread on a two-core machine. A command that arrives first waits for the load.
/// </summary>
public sealed class ClassifierWarmup(IServiceProvider services, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved on the warm-up thread, not here: building it is most of the work.
        lifetime.ApplicationStarted.Register(() =>
            new Thread(() => services.GetRequiredService<TaskClassifier>().Classify("review the launch plan"))
            {
                IsBackground = true,
                Name = "Classifier warm-up",
            }.Start());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
