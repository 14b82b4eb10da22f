using AsyncCoach.Benchmarks.Load;
using BenchmarkDotNet.Running;

namespace AsyncCoach.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary>
    /// <c>load …</c> drives a running instance (see bench/README.md); <c>socket-load …</c> does it over Socket Mode; <c>baseline-server …</c> runs
    /// the bare reference endpoint; <c>--throughput</c> is the rule engine's CPU-time probe;
    /// <c>fake-slack …</c> is the Web API stand-in for the nudge loop; <c>lookahead …</c> is the
    /// two-workspace run against a Slack with 80 ms latency (issue #21);
    /// <c>generate-export [folder] [--messages N] [--zip]</c> and <c>audit-throughput &lt;export&gt;</c>
    /// run the end-to-end audit measurement; <c>accuracy &lt;folder|file&gt;… [--misses]</c> scores the
    /// rules and the classifier on labelled sets; <c>classify-throughput &lt;folder|file&gt;…</c> is the classifier's CPU-time probe; <c>train-naked &lt;out.bin&gt; &lt;folder&gt;…</c> trains the
    /// missing-context model (<see cref="AsyncCoach.Core.Rules.NakedModel"/>); <c>train-huddle &lt;out.bin&gt; &lt;folder&gt;…</c>
    /// trains the huddle-instead-of-thread model (<see cref="AsyncCoach.Core.Rules.HuddleModel"/>); <c>digest-build &lt;db&gt;</c> and
    /// <c>digest-schedule &lt;db&gt;</c> the live digest's (<see cref="DigestProbe"/>); <c>digest-cpu</c>
    /// is the digest builder's CPU-time probe; <c>webapi-cpu</c> one Web API call's (<see cref="WebApiCallProbe"/>); <c>outbox-db-cpu</c> the outbox's database work alone (<see cref="OutboxDbProbe"/>); anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "load":
                return await LoadRunner.RunAsync(args[1..]);
            case "socket-load":
                return await SocketLoadRunner.RunAsync(args[1..]);
            case "baseline-server":
                return await BaselineServer.RunAsync(args[1..]);
            case "fake-slack":
                return await FakeSlackServer.RunAsync(args[1..]);
            case "lookahead":
                return await LookAhead.LookAheadRun.RunAsync(args[1..]);
            case "--throughput" when args.Length == 1:
                ThroughputProbe.Run(Console.Out);
                return 0;
            case "webapi-cpu":
                return await WebApiCallProbe.RunAsync(args[1..]);
            case "outbox-db-cpu":
                return await OutboxDbProbe.RunAsync(args[1..]);
            case "digest-cpu":
                DigestCpuProbe.Run(Console.Out);
                return 0;
            case "generate-export":
                return ExportGenerator.Run(args[1..]);
            case "audit-throughput":
                return await AuditThroughput.RunAsync(args[1..]);
            case "classify-throughput":
                return ClassifyProbe.Run(args[1..], Console.Out, Console.Error);
            case "accuracy":
                return AccuracyReport.Run(args[1..], Console.Out, Console.Error);
            case "train-naked":
                return AsyncCoach.Core.Evaluation.NakedModelCommand.Run(args[1..], Console.Out, Console.Error);
            case "train-huddle":
                return AsyncCoach.Core.Evaluation.HuddleModelCommand.Run(args[1..], Console.Out, Console.Error);
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
