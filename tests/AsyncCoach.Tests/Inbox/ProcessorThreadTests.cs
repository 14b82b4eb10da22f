using System.Net;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Inbox;

/// <summary>
/// Processing runs on a thread of its own, below the priority of the threads that acknowledge
/// Slack (Inbox:ProcessorNice), so that on busy cores the acknowledgements go first.
/// </summary>
public sealed class ProcessorThreadTests
{
    [Test]
    public async Task Rounds_run_on_the_processor_s_own_thread_ten_nice_steps_down()
    {
        var seen = await ProcessOneEventAsync(configure: null);

        Assert.That(seen.ThreadName, Is.EqualTo(InboxProcessor.ThreadName));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(seen.Nice, Is.EqualTo(Math.Min(BackgroundThread.LowestNice, BackgroundThread.CurrentNice()!.Value + 10)));
        }
    }

    [Test]
    public async Task ProcessorNice_zero_keeps_the_service_s_priority()
    {
        var seen = await ProcessOneEventAsync(configure: f => f.With("Inbox:ProcessorNice", "0"));

        Assert.That(seen.ThreadName, Is.EqualTo(InboxProcessor.ThreadName));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(seen.Nice, Is.EqualTo(BackgroundThread.CurrentNice()));
        }
    }

    [Test]
    public async Task Work_queued_for_the_processor_s_thread_runs_while_every_round_finishes_at_once()
    {
        var idle = new IdleRounds();
        await using var factory = new AsyncCoachFactory()
            .With("Inbox:CoalesceWindow", "00:00:00")
            .WithServices(s => s.AddSingleton<IInboxIdleHandler>(idle));
        var signal = factory.Services.GetRequiredService<InboxSignal>();
        var context = await idle.Context.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // Every idle round wakes the next one at once, so no await of the loop is ever pending
        // (as when events keep arriving, or a test clock jumps past the poll interval).
        idle.WakeNextRound = signal;
        var spinningFrom = idle.Rounds;
        signal.Notify();
        await idle.ReachedAsync(spinningFrom + 100).WaitAsync(TimeSpan.FromSeconds(15));

        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Post(_ => ran.TrySetResult(), null);

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(idle.Rounds, Is.GreaterThan(spinningFrom + 100), "the rounds were finishing at once");
        factory.DeleteDatabase();
    }

    [Test]
    public async Task A_loop_on_the_background_thread_resumes_there_after_every_await()
    {
        var threads = new List<int>();
        var loopThread = 0;

        await BackgroundThread.RunAsync("test-loop", 0, async () =>
        {
            loopThread = Environment.CurrentManagedThreadId;
            for (var i = 0; i < 3; i++)
            {
                // Completes on a timer thread; the continuation must come back to the loop's.
                await Task.Delay(1);
                threads.Add(Environment.CurrentManagedThreadId);
            }
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(loopThread, Is.Not.EqualTo(Environment.CurrentManagedThreadId));
        Assert.That(threads, Has.Count.EqualTo(3).And.All.EqualTo(loopThread));
    }

    [Test]
    public async Task A_failing_loop_fails_the_task_with_its_exception()
    {
        var run = BackgroundThread.RunAsync("test-loop", 0, async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("loop broke");
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(failure!.Message, Is.EqualTo("loop broke"));
    }

    private static async Task<ThreadSeen> ProcessOneEventAsync(Func<AsyncCoachFactory, AsyncCoachFactory>? configure)
    {
        var observer = new ThreadObserver();
        var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<IInboxObserver>(observer));
        factory = configure?.Invoke(factory) ?? factory;
        await using (factory)
        {
            using var client = factory.CreateRealClient();
            using var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvThread")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var seen = await observer.Seen.Task.WaitAsync(TimeSpan.FromSeconds(15));
            factory.DeleteDatabase();
            return seen;
        }
    }

    private sealed record ThreadSeen(string? ThreadName, int? Nice);

    private sealed class ThreadObserver : IInboxObserver
    {
        public TaskCompletionSource<ThreadSeen> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void BatchCompleted(IReadOnlyList<InboxOutcome> outcomes) =>
            Seen.TrySetResult(new ThreadSeen(Thread.CurrentThread.Name, BackgroundThread.CurrentNice()));
    }

    private sealed class IdleRounds : IInboxIdleHandler
    {
        private long _rounds;
        private readonly Lock _gate = new();
        private (long Target, TaskCompletionSource Reached)? _waiter;

        public TaskCompletionSource<SynchronizationContext> Context { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Rounds => Interlocked.Read(ref _rounds);

        public InboxSignal? WakeNextRound { get; set; }

        public Task ReachedAsync(long target)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiter = (target, reached);
            }

            if (Rounds >= target)
            {
                reached.TrySetResult();
            }

            return reached.Task;
        }

        public Task OnIdleAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var rounds = Interlocked.Increment(ref _rounds);
            WakeNextRound?.Notify();
            Context.TrySetResult(SynchronizationContext.Current!);
            lock (_gate)
            {
                if (_waiter is { } waiter && rounds >= waiter.Target)
                {
                    waiter.Reached.TrySetResult();
                }
            }

            return Task.CompletedTask;
        }
    }
}
