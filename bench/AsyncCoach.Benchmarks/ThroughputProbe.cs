using System.Diagnostics;
using System.Globalization;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --throughput</c>: runs the <see cref="RuleEngineBenchmarks"/> workloads
/// repeatedly on one thread and divides by the process's CPU time as well as wall time, so the figure
/// stays meaningful on a machine shared with other builds (wall time there measures the neighbours).
/// </summary>
public static class ThroughputProbe
{
    public static void Run(TextWriter output)
    {
        var benchmarks = new RuleEngineBenchmarks();
        benchmarks.Setup();
        output.WriteLine("mixed workload findings per 20,000 messages: " + string.Join(", ", benchmarks.MixedFindingsByRule().Select(p => $"{p.Key} {p.Value}")));
        (string Name, Func<int> Workload)[] workloads =
        [
            ("mixed, through tracker", benchmarks.MixedThroughTracker),
            ("nothing fires, through tracker", benchmarks.NothingFiresThroughTracker),
            ("nothing fires, engine only", benchmarks.NothingFiresEngineOnly),
            ("short DM questions (the missing-context model reads each), engine only", benchmarks.ShortAsksEngineOnly),
        ];
        foreach (var (name, workload) in workloads)
        {
            for (var i = 0; i < 20; i++)
            {
                workload(); // warm up and tier up
            }

            const int Rounds = 100;
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < Rounds; i++)
            {
                workload();
            }

            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var messages = Rounds * 20_000.0;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: {messages / cpu.TotalSeconds:N0} msg/CPU-s, {messages / wall.Elapsed.TotalSeconds:N0} msg/wall-s, {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / messages:N0} B/msg"));
        }
    }
}
