using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Rules;
using AsyncCoach.Digests;
using BenchmarkDotNet.Attributes;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// One lead's digest for a team of 500 with a year of history (about 5 million findings rows in
/// the database). The builder never sees those rows: the live path hands it aggregates, so its
/// input is as large as the SQL side would give, not as the history. Here: every rule × 4 weeks ×
/// 4 channel kinds, 300 channels, 28 time slots, nudges per rule and kind, and the lead's figures.
/// <c>Build</c> is the builder's share of the 50 ms target; <c>BuildAndRender</c> adds Block Kit.
/// </summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private DigestInput input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var monday = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(1));
        var random = new Random(17);
        input = new DigestInput
        {
            WeekStart = monday,
            WeekEnd = monday.AddDays(7),
            DataSince = monday.AddDays(-365),
            Findings = [.. RuleIds.All.SelectMany(rule => Enumerable.Range(0, DigestInput.TrendWeeks)
                .SelectMany(week => Enumerable.Range(0, 4).Select(_ => new RuleWeek(rule, week, random.Next(200, 5000), random.Next(2, 300)))))],
            Nudges = [.. RuleIds.All.SelectMany(rule => Enumerable.Range(0, 4)
                .Select(_ => new RuleNudges(rule, random.Next(100, 900), random.Next(0, 100), random.Next(0, 120), random.Next(2, 200))))],
            ActivityWeeks = [new(0, 96_000, 500, 9_000, 240), new(1, 95_000, 498, 8_100, 230)],
            Activity = [.. Enumerable.Range(0, 28).Select(i => new ActivitySlot((DayOfWeek)(i / 4), (PartOfDay)(i % 4), random.Next(500, 9000), random.Next(0, 900), random.Next(0, 60)))],
            Channels = [.. Enumerable.Range(0, 300).Select(i => new ChannelWeek($"C{i:D8}", $"channel-{i}", random.Next(0, 400), random.Next(1, 60)))],
            Lead = new LeadHabits(new LeadWeek(300, 6, 5, 2, 14, 3, 1, 1), new LeadWeek(280, 4, 4, 1, 9, 2, 1, 0)),
        };
    }

    [Benchmark(Baseline = true)]
    public Digest Build() => DigestBuilder.Build(input);

    [Benchmark]
    public int BuildAndRender() => DigestBlocks.Build(DigestBuilder.Build(input)).Blocks.Count;
}
