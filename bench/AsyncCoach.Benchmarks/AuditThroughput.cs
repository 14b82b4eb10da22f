using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AsyncCoach.Audit;
using AsyncCoach.Cli;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// Times one full audit through <see cref="AuditCommand"/> (the CLI path, json report written to
/// a temp file) and reports messages per second and this process's peak working set. Run it in
/// its own process so nothing else inflates the peak.
/// </summary>
public static class AuditThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("usage: audit-throughput <export.zip|folder> [more audit options]");
            return 2;
        }

        if (RuntimeSettingsDiffer() is { } difference)
        {
            await Console.Error.WriteLineAsync($"audit-throughput: {difference}; the figure would not be what `AsyncCoach audit` does.");
            return 2;
        }

        var report = Path.Combine(Path.GetTempPath(), $"asynccoach-audit-bench-{Guid.NewGuid():N}.json");
        try
        {
            // --read-only: the same pipeline with rules that never fire, to see what reading costs.
            var readOnly = args.Contains("--read-only");
            args = [.. args.Where(a => a != "--read-only"), "--format", "json", "--out", report];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var code = readOnly
                ? await AuditCommand.RunAsync(args, Console.Out, Console.Error, (_, _, _) => new NoRules(), CancellationToken.None)
                : await AuditCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
            stopwatch.Stop();
            if (code != 0)
            {
                return code;
            }

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peak = process.PeakWorkingSet64;
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            using var doc = JsonDocument.Parse(ReadSummary(report));
            var summary = doc.RootElement.GetProperty("summary");
            var read = summary.GetProperty("messages_read").GetInt64();
            var seconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"messages read: {read:N0}; evaluated: {summary.GetProperty("messages_evaluated").GetInt64():N0}; findings: {summary.GetProperty("findings").GetInt64():N0}; day files: {summary.GetProperty("day_files").GetInt32():N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"elapsed: {seconds:0.00} s; throughput: {read / seconds:N0} messages/s; CPU: {cpu:0.00} s ({read / cpu:N0} messages per CPU-second, both cores counted); load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; peak working set: {peak / 1_048_576.0:0} MB; allocated: {allocated / 1_048_576.0:N0} MB; gen0/1/2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
            return 0;
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>
    /// The audit runs in this process, so its JIT and GC settings must be AsyncCoach's own: compares
    /// every runtime and GC setting in AsyncCoach.runtimeconfig.json (copied beside this benchmark)
    /// with this process's, and names the first that differs.
    /// </summary>
    private static string? RuntimeSettingsDiffer()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "AsyncCoach.runtimeconfig.json");
        if (!File.Exists(path))
        {
            return $"{path} is missing";
        }

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        if (!config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties))
        {
            return null;
        }

        foreach (var setting in properties.EnumerateObject())
        {
            if (!setting.Name.StartsWith("System.Runtime.Tiered", StringComparison.Ordinal) && !setting.Name.StartsWith("System.GC.", StringComparison.Ordinal))
            {
                continue;
            }

            var ours = AppContext.GetData(setting.Name)?.ToString();
            if (!string.Equals(ours, setting.Value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return $"AsyncCoach runs with {setting.Name} = {setting.Value}, this benchmark with {ours ?? "the default"}";
            }
        }

        return null;
    }

    /// <summary>The report's summary comes before its findings: read only that part, not the (large) findings.</summary>
    private static string ReadSummary(string report)
    {
        var prefix = new System.Text.StringBuilder();
        foreach (var line in File.ReadLines(report))
        {
            if (line.StartsWith("  \"findings\"", StringComparison.Ordinal))
            {
                break;
            }

            prefix.AppendLine(line);
        }

        return prefix.ToString().TrimEnd().TrimEnd(',') + "}";
    }

    private sealed class NoRules : IConversationAuditor
    {
        public IReadOnlyList<Finding> Observe(ChatMessage message) => [];

        public IReadOnlyList<Finding> Finish() => [];
    }
}
