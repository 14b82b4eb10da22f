using BenchmarkDotNet.Running;

namespace AsyncCoach.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["--throughput"])
        {
            ThroughputProbe.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
