using AsyncCoach.Benchmarks.Load;
using BenchmarkDotNet.Running;

namespace AsyncCoach.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary>
    /// <c>load …</c> drives a running instance (see bench/README.md); <c>baseline-server …</c> runs
    /// the bare reference endpoint; <c>--throughput</c> is the rule engine's CPU-time probe;
    /// <c>fake-slack …</c> is the Web API stand-in for the nudge loop;
    /// <c>generate-export [folder] [--messages N] [--zip]</c> and <c>audit-throughput &lt;export&gt;</c>
    /// run the end-to-end audit measurement; <c>digest-build &lt;db&gt;</c> and
    /// <c>digest-schedule &lt;db&gt;</c> the live digest's (<see cref="DigestProbe"/>); anything
    /// else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "load":
                return await LoadRunner.RunAsync(args[1..]);
            case "baseline-server":
                return await BaselineServer.RunAsync(args[1..]);
            case "fake-slack":
                return await FakeSlackServer.RunAsync(args[1..]);
            case "--throughput" when args.Length == 1:
                ThroughputProbe.Run(Console.Out);
                return 0;
            case "generate-export":
                return ExportGenerator.Run(args[1..]);
            case "audit-throughput":
                return await AuditThroughput.RunAsync(args[1..]);
            case "digest-build" when args.Length > 1:
                return await DigestProbe.BuildAsync(args[1..]);
            case "digest-schedule" when args.Length > 1:
                return await DigestProbe.ScheduleAsync(args[1..]);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                return 0;
        }
    }
}
