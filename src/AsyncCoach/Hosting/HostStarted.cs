namespace AsyncCoach.Hosting;

public static class HostStarted
{
    /// <summary>
    /// Completes once the host has started: every hosted service, the server listening and the
    /// database migrated. Background loops await it before their first round, which needs the
    /// schema and would otherwise compete with start-up for the CPU. Throws
    /// <see cref="OperationCanceledException"/> if <paramref name="stoppingToken"/> fires first
    /// (the host stopped, or never started).
    /// </summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
    }
}
