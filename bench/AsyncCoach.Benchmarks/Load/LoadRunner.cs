using System.Diagnostics;
using System.Globalization;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// Sends signed, unique events to a running instance, either as fast as the connections allow
/// (saturation) or at a fixed rate, and reports requests/s, latency percentiles and — given the
/// server's pid — the server's CPU time per request, read from /proc.
/// </summary>
public static class LoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"load: {ex.Message}");
            return 2;
        }

        if (options.Settle && options.ServerPids is null)
        {
            await Console.Error.WriteLineAsync("load: --settle true needs --server-pid (the server's CPU use tells when it is idle)");
            return 2;
        }

        var factory = new SignedEventFactory(options.Urls[0], options.Secret, options.FindingShare, options.Teams);
        var connections = new HttpConnection[options.Connections];
        for (var i = 0; i < connections.Length; i++)
        {
            // Dealt round-robin over the URLs: several instances share one load.
            connections[i] = new HttpConnection(options.Urls[i % options.Urls.Count]);
            await connections[i].ConnectAsync(CancellationToken.None);
        }

        // Warm up (JIT, pools, SQLite cache) without recording, at the rate that is measured: a
        // saturating warm-up before a fixed-rate run left the server catching up (a backlog to
        // process, a large log to checkpoint) while the steady rate was being measured.
        await RunPhaseAsync(connections, factory, options.Warmup, options.Rate, record: false, requests: null);
        if (options.Settle)
        {
            // The warm-up's backlog is processed before the measured phase, not during it.
            if (await WaitUntilIdleAsync(options.ServerPids!) is null)
            {
                return StillBusy();
            }
        }

        var cpuBefore = ServerCpu(options.ServerPids);
        var stopwatch = Stopwatch.StartNew();
        var result = await RunPhaseAsync(connections, factory, options.Duration, options.Rate, record: true, options.Requests);
        var elapsed = stopwatch.Elapsed;
        var cpuAfter = ServerCpu(options.ServerPids);
        TimeSpan? settled = null;
        TimeSpan? cpuSettled = null;
        if (options.Settle)
        {
            // Work the server put off (processing the measured events' backlog) is part of
            // their cost: counted until the server is idle again.
            settled = await WaitUntilIdleAsync(options.ServerPids!);
            if (settled is null)
            {
                return StillBusy();
            }

            cpuSettled = ServerCpu(options.ServerPids);
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        Report(options, result, elapsed, cpuBefore, cpuAfter);
        if (settled is { } wait && cpuBefore is { } from && cpuSettled is { } to && result.Latencies.Length > 0)
        {
            var cpu = to - from;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server CPU until idle again ({wait.TotalSeconds:0.0} s after the last request): {cpu.TotalSeconds:0.00} s, per request: {cpu.TotalMicroseconds / result.Latencies.Length:0.0} µs"));
        }

        return result.Errors == 0 ? 0 : 1;
    }

    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(5);

    private static int StillBusy()
    {
        Console.Error.WriteLine($"load: the server was still busy {SettleLimit.TotalMinutes:0} minutes after the load ended; no figures");
        return 1;
    }

    /// <summary>
    /// Waits until the server uses at most one clock tick (10 ms) of CPU in a quarter of a
    /// second, that is, it has no backlog left; returns how long that took, or null when it is
    /// still busy after <see cref="SettleLimit"/>.
    /// </summary>
    private static async Task<TimeSpan?> WaitUntilIdleAsync(IReadOnlyList<int> pids)
    {
        var window = TimeSpan.FromMilliseconds(250);
        var stopwatch = Stopwatch.StartNew();
        var last = ServerCpu(pids)!.Value;
        while (stopwatch.Elapsed < SettleLimit)
        {
            await Task.Delay(window);
            var now = ServerCpu(pids)!.Value;
            if (now - last <= TimeSpan.FromMilliseconds(10))
            {
                // The quiet window itself is not part of the work.
                return stopwatch.Elapsed - window;
            }

            last = now;
        }

        return null;
    }

    private static async Task<PhaseResult> RunPhaseAsync(
        HttpConnection[] connections, SignedEventFactory factory, TimeSpan duration, double? rate, bool record, long? requests)
    {
        var start = Stopwatch.GetTimestamp();
        // A fixed number of requests: the phase ends when the last is answered, not at a time.
        var end = requests is null ? start + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        long next = -1;
        long issued = 0;
        long errors = 0;
        long late = 0;
        var latencies = new List<long>[connections.Length];
        var tasks = new Task[connections.Length];
        for (var c = 0; c < connections.Length; c++)
        {
            var connection = connections[c];
            var mine = latencies[c] = new List<long>(record ? 1 << 16 : 0);
            tasks[c] = Task.Run(async () =>
            {
                while (true)
                {
                    if (requests is { } total && Interlocked.Increment(ref issued) > total)
                    {
                        return;
                    }

                    if (rate is { } perSecond)
                    {
                        var index = Interlocked.Increment(ref next);
                        var due = start + (long)(index / perSecond * Stopwatch.Frequency);
                        if (due >= end)
                        {
                            return;
                        }

                        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                        if (wait > TimeSpan.FromMilliseconds(1))
                        {
                            await Task.Delay(wait);
                        }

                        if (Stopwatch.GetElapsedTime(due) > TimeSpan.FromMilliseconds(5))
                        {
                            Interlocked.Increment(ref late);
                        }
                    }
                    else if (Stopwatch.GetTimestamp() >= end)
                    {
                        return;
                    }

                    var request = factory.Next(connection.Url);
                    var sent = Stopwatch.GetTimestamp();
                    var status = await connection.SendAsync(request, CancellationToken.None);
                    var took = Stopwatch.GetTimestamp() - sent;
                    if (status != 200)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    if (record)
                    {
                        mine.Add(took);
                    }
                }
            });
        }

        await Task.WhenAll(tasks);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new PhaseResult(all, errors, late);
    }

    /// <summary>The servers' CPU time summed (several instances behind one load), or null without pids.</summary>
    internal static TimeSpan? ServerCpu(IReadOnlyList<int>? pids)
    {
        if (pids is null)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (var pid in pids)
        {
            total += ServerCpu(pid);
        }

        return total;
    }

    internal static TimeSpan? ServerCpu(int? pid) => pid is { } one ? ServerCpu(one) : null;

    internal static TimeSpan ServerCpu(int pid)
    {

        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks (100 per second here).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static void Report(LoadOptions options, PhaseResult result, TimeSpan elapsed, TimeSpan? cpuBefore, TimeSpan? cpuAfter)
    {
        var count = result.Latencies.Length;
        double Percentile(double p) => count == 0 ? 0 : result.Latencies[Math.Min(count - 1, (int)(p * count))] * 1000.0 / Stopwatch.Frequency;
        var mode = options.Rate is { } r ? $"fixed rate {r:0}/s" : "saturation";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode: {mode}, connections: {options.Connections}, duration: {elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests: {count}, errors (non-200): {result.Errors}, requests/s: {count / elapsed.TotalSeconds:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency ms: p50 {Percentile(0.50):0.000}, p90 {Percentile(0.90):0.000}, p99 {Percentile(0.99):0.000}, p99.9 {Percentile(0.999):0.000}, max {Percentile(1):0.000}"));
        if (options.Rate is not null)
        {
            Console.WriteLine($"sends more than 5 ms behind schedule: {result.Late}");
        }

        if (cpuBefore is { } before && cpuAfter is { } after && count > 0)
        {
            var cpu = after - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server CPU: {cpu.TotalSeconds:0.00} s, per request: {cpu.TotalMicroseconds / count:0.0} µs"));
        }
    }

    private sealed record PhaseResult(long[] Latencies, long Errors, long Late);
}
