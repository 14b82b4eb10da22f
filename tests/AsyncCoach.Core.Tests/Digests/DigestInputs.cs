using AsyncCoach.Core.Digests;

namespace AsyncCoach.Core.Tests.Digests;

/// <summary>Builds digest inputs for the week of Monday 2026-03-09 (UTC).</summary>
internal static class DigestInputs
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A team of <paramref name="people"/> active people, with four weeks of history unless told otherwise.</summary>
    public static DigestInput Team(int people, params RuleWeek[] findings) => new()
    {
        WeekStart = Monday,
        WeekEnd = Monday.AddDays(7),
        Findings = findings,
        ActivityWeeks = [new ActivityWeek(0, people * 20, people, people, Math.Min(people, 6)), new ActivityWeek(1, people * 20, people, people / 2, people / 2)],
    };

    /// <summary>The same count and people in each of the four weeks, newest first.</summary>
    public static RuleWeek[] Weeks(string rule, int people, params int[] counts) =>
        [.. counts.Select((count, weeksAgo) => new RuleWeek(rule, weeksAgo, count, people))];
}
