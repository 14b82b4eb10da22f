using AsyncCoach.Core.Digests;
using AsyncCoach.Storage;

namespace AsyncCoach.Digests;

/// <summary>
/// The lead's week as hour bounds for the activity queries: each UTC hour of the counters counts
/// in the week and the weekday × part-of-day slot (in the lead's zone) that hold its middle
/// (<see cref="ActivityClock"/>), so SQL aggregates whole ranges and only counts come back.
/// </summary>
internal static class ActivityPlacement
{
    /// <summary>This week and last week, as hour bounds (newest first).</summary>
    public static (DateTimeOffset From, DateTimeOffset To)[] Weeks(DigestWeek week, DateTimeOffset lastWeekStart) =>
    [
        (ActivityClock.FirstHour(week.Start), ActivityClock.FirstHour(week.End)),
        (ActivityClock.FirstHour(lastWeekStart), ActivityClock.FirstHour(week.Start)),
    ];

    /// <summary>This week and last week, each only when it has counters (before the counters existed there is nothing to say).</summary>
    public static IReadOnlyList<ActivityWeek> ToWeeks(ActivityCounts counts) =>
        [.. counts.Weeks.Select((w, weeksAgo) => (w, weeksAgo)).Where(x => x.w.Messages > 0)
            .Select(x => new ActivityWeek(x.weeksAgo, (int)x.w.Messages, (int)x.w.People, (int)x.w.AfterHours, (int)x.w.AfterHoursPeople))];

    /// <summary>This week's slots that have any message.</summary>
    public static IReadOnlyList<ActivitySlot> ToSlots(ActivityCounts counts) =>
        [.. counts.Slots.Where(s => s.Messages > 0).Select(s =>
        {
            var (day, part) = ActivityClock.OfSlot((int)s.Slot);
            return new ActivitySlot(day, part, (int)s.Messages, (int)s.AfterHours, (int)s.AfterHoursPeople);
        })];
}
