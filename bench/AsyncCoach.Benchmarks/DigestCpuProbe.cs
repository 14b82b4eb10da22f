using System.Diagnostics;
using System.Globalization;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- digest-cpu</c>: builds the <see cref="DigestBenchmarks"/> digest
/// repeatedly on one thread and reports CPU time per digest (wall time on a shared machine
/// measures the neighbours), five rounds so the spread shows.
/// </summary>
public static class DigestCpuProbe
{
    public static void Run(TextWriter output)
    {
        var benchmarks = new DigestBenchmarks();
        benchmarks.Setup();
        for (var i = 0; i < 2_000; i++)
        {
            benchmarks.BuildAndRender(); // warm up and tier up
        }

        const int Digests = 5_000;
        for (var round = 0; round < 5; round++)
        {
            foreach (var (name, workload) in new (string, Func<object>)[] { ("build", benchmarks.Build), ("build + Block Kit", () => benchmarks.BuildAndRender()) })
            {
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                for (var i = 0; i < Digests; i++)
                {
                    workload();
                }

                process.Refresh();
                var perDigest = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / Digests;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}, {name}: {perDigest:N1} µs CPU per digest"));
            }
        }
    }
}
