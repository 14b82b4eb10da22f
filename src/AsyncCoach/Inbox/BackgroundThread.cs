using System.Runtime.InteropServices;

namespace AsyncCoach.Inbox;

/// <summary>
/// Runs an async loop on a thread of its own: every continuation of the loop's own awaits comes
/// back to that thread (a single-threaded synchronization context), so its synchronous work
/// (SQLite calls, the rules) never waits in the thread pool's queue ahead of a request, and the
/// thread can run at a lower CPU priority than the rest of the process.
/// </summary>
/// <remarks>
/// As on a UI thread, code that another task's completion runs inline on this thread (a timer
/// callback fired by a test clock the loop reads, say) continues here after its next await too.
/// Such continuations wait in the same queue as the loop's own, so a loop whose awaits can all
/// finish at once must yield (<c>await Task.Yield()</c>) now and then, or they never run.
/// </remarks>
internal static partial class BackgroundThread
{
    /// <summary>The lowest priority Linux gives a thread (nice 19).</summary>
    public const int LowestNice = 19;

    /// <summary>
    /// Starts <paramref name="loop"/> on a new background thread named <paramref name="name"/>,
    /// <paramref name="lowerBy"/> nice steps below the process (Linux; on Windows any step above
    /// zero means below-normal priority; ignored elsewhere). Completes as the loop's task does.
    /// </summary>
    public static Task RunAsync(string name, int lowerBy, Func<Task> loop)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(lowerBy, loop, completion)) { IsBackground = true, Name = name };
        thread.Start();
        return completion.Task;
    }

    /// <summary>The calling thread's nice value (Linux), or null where threads have none.</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            // -1 is a valid nice value: only errno tells a failure (it is cleared before the call).
            var nice = GetPriority(PrioProcess, 0);
            return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library the runtime cannot find under "libc": the thread keeps its priority.
            return null;
        }
    }

    private static void Run(int lowerBy, Func<Task> loop, TaskCompletionSource completion)
    {
        LowerPriority(lowerBy);
        var context = new LoopContext();
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = loop();
        }
        catch (Exception ex)
        {
            completion.SetException(ex);
            return;
        }

        task.ContinueWith(
            static (_, state) => ((LoopContext)state!).Complete(), context,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        context.RunUntilComplete();

        if (task.IsCanceled)
        {
            completion.SetCanceled();
        }
        else if (task.Exception is { } failure)
        {
            completion.SetException(failure.InnerExceptions);
        }
        else
        {
            completion.SetResult();
        }
    }

    private static void LowerPriority(int lowerBy)
    {
        if (lowerBy <= 0)
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            // On Linux the nice value belongs to the thread: "who = 0" is this thread only.
            if (CurrentNice() is { } nice)
            {
                _ = SetPriority(PrioProcess, 0, Math.Min(LowestNice, nice + lowerBy));
            }
        }
        else if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }

        // Elsewhere (macOS) the call would lower the whole process: left alone.
    }

    private const int PrioProcess = 0;

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    /// <summary>Queues continuations for the one thread that runs them, until the loop ends.</summary>
    private sealed class LoopContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
        // A plain object, not a Lock: the loop waits on it with Monitor.Wait.
        private readonly object _gate = new();
        private bool _completed;

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_gate)
            {
                if (!_completed)
                {
                    _queue.Enqueue((d, state));
                    Monitor.Pulse(_gate);
                    return;
                }
            }

            // The loop has ended: whatever still wants to run goes to the thread pool.
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.d(s.state), (d, state), preferLocal: false);
        }

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("The processor's thread takes posted work only.");

        public override SynchronizationContext CreateCopy() => this;

        public void Complete()
        {
            lock (_gate)
            {
                _completed = true;
                Monitor.Pulse(_gate);
            }
        }

        public void RunUntilComplete()
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (_gate)
                {
                    while (_queue.Count == 0 && !_completed)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_queue.Count == 0)
                    {
                        return;
                    }

                    next = _queue.Dequeue();
                }

                next.Callback(next.State);
            }
        }
    }
}
