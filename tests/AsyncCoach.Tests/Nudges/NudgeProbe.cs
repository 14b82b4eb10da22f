using AsyncCoach.Nudges;

namespace AsyncCoach.Tests.Nudges;

/// <summary>Awaits the outbox sender's recorded attempts instead of sleeping.</summary>
public sealed class NudgeProbe : INudgeObserver
{
    private readonly List<(long Id, string Outcome)> _attempts = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(long Id, string Outcome)> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public async Task<IReadOnlyList<(long Id, string Outcome)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_attempts.Count >= count)
                {
                    return [.. _attempts];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

    public void AttemptRecorded(long nudgeId, string outcome)
    {
        lock (_gate)
        {
            _attempts.Add((nudgeId, outcome));
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }
}
