using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Commands;

/// <summary>Loads the taxonomy (about 0.3 s) at start, so the first <c>/async</c> answers well within Slack's 3 seconds.</summary>
public sealed class ClassifierWarmup(TaskClassifier classifier) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = classifier.Classify("review the launch plan");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
