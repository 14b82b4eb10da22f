using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The shape every activity store's read shares, whatever its SQL: one count per week (newest
/// first), the slots between the bounds in one query, then the people the lead reached outside
/// their hours in each of the lead's weeks; the store gives one query for each.
/// </summary>
public static class ActivityReads
{
    public static async Task<ActivityCounts> ReadAsync(
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> weeks,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> leadWeeks,
        Func<DateTimeOffset, DateTimeOffset, Task<ActivityWeekCount>> week,
        Func<Task<IReadOnlyList<ActivitySlotCount>>> slots,
        Func<DateTimeOffset, DateTimeOffset, Task<long>> reached)
    {
        var weekCounts = new List<ActivityWeekCount>(weeks.Count);
        foreach (var (from, to) in weeks)
        {
            weekCounts.Add(await week(from, to));
        }

        var slotCounts = await slots();
        var reachedCounts = new List<long>(leadWeeks.Count);
        foreach (var (from, to) in leadWeeks)
        {
            reachedCounts.Add(await reached(from, to));
        }

        return new ActivityCounts(weekCounts, slotCounts, reachedCounts);
    }
}
