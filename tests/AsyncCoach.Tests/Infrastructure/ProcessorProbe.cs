using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>Awaits the inbox processor's batches instead of sleeping; register it before the host starts.</summary>
public sealed class ProcessorProbe : IInboxObserver, IInboxIdleHandler
{
    private int _idleRounds;

    private readonly List<InboxOutcome> _outcomes = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every outcome reported so far, in order.</summary>
    public IReadOnlyList<InboxOutcome> Outcomes
    {
        get
        {
            lock (_gate)
            {
                return [.. _outcomes];
            }
        }
    }

    public async Task<IReadOnlyList<InboxOutcome>> WaitForAsync(int processed, TimeSpan? timeout = null)
    {
        var deadline = timeout ?? TimeSpan.FromSeconds(15);
        using var cts = new CancellationTokenSource(deadline);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_outcomes.Count >= processed)
                {
                    return [.. _outcomes];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

    /// <summary>Completes at the first idle round (the inbox found drained) after this call.</summary>
    public async Task WaitForIdleRoundAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        int start;
        Task changed;
        lock (_gate)
        {
            start = _idleRounds;
            changed = _changed.Task;
        }

        while (true)
        {
            await changed.WaitAsync(cts.Token);
            lock (_gate)
            {
                if (_idleRounds > start)
                {
                    return;
                }

                changed = _changed.Task;
            }
        }
    }

    public Task OnIdleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _idleRounds++;
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        return Task.CompletedTask;
    }

    public void BatchCompleted(IReadOnlyList<InboxOutcome> outcomes)
    {
        lock (_gate)
        {
            _outcomes.AddRange(outcomes);
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }
}
