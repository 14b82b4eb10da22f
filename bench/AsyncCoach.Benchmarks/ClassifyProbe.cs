using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>classify-throughput &lt;folder|file&gt;…</c>: the task classifier's CPU-time probe. Reads the
/// <c>task</c> of every line of the labelled task files given (a folder gives its <c>tasks*.jsonl</c>
/// and <c>taxonomy*.jsonl</c>), classifies them all in rounds on one thread, and prints tasks per
/// CPU-second (the process's CPU time, so other load on the machine counts less than in wall time)
/// and bytes allocated per task, which is counted and does not depend on the load.
/// </summary>
public static class ClassifyProbe
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var files = args.SelectMany(a => Directory.Exists(a)
            ? Directory.EnumerateFiles(a, "*.jsonl").Where(f => Path.GetFileName(f) is var n && (n.StartsWith("tasks", StringComparison.Ordinal) || n.StartsWith("taxonomy", StringComparison.Ordinal)))
            : [a]).Order(StringComparer.Ordinal).ToList();
        var missing = files.Find(f => !File.Exists(f));
        if (files.Count == 0 || missing is not null)
        {
            error.WriteLine(missing is null ? "classify-throughput: give one or more folders or task files." : $"classify-throughput: no such file: {missing}");
            return 2;
        }

        var tasks = files.SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("task").GetString() ?? string.Empty).ToList();
        var classifier = TaskClassifier.CreateDefault();
        for (var i = 0; i < 3; i++)
        {
            tasks.ForEach(t => classifier.Classify(t)); // warm up and tier up
        }

        const int Rounds = 10;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < Rounds; r++)
        {
            tasks.ForEach(t => classifier.Classify(t));
        }

        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var count = (double)Rounds * tasks.Count;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{tasks.Count} tasks × {Rounds}: {count / cpu.TotalSeconds:N0} tasks/CPU-s, {count / wall.Elapsed.TotalSeconds:N0} tasks/wall-s, {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count:N0} B/task"));
        return 0;
    }
}
