using AsyncCoach.Core.Digests;
using AsyncCoach.Storage;

namespace AsyncCoach.Digests;

/// <summary>
/// Places the hourly counters and who-wrote-when rows in the lead's week: each UTC hour by its
/// middle (<see cref="ActivityClock"/>) into this week or last week, and this week's into
/// weekday × part-of-day slots in the lead's zone. Distinct people are counted here, as counts.
/// </summary>
internal sealed class ActivityPlacement(TimeZoneInfo zone, DateTimeOffset thisWeek, DateTimeOffset lastWeek, DateTimeOffset end, ActivityCounts counts)
{
    /// <summary>This week and last week, each only when it has counters (before the counters existed there is nothing to say).</summary>
    public IReadOnlyList<ActivityWeek> Weeks()
    {
        var weeks = new List<ActivityWeek>(2);
        for (var w = 0; w < 2; w++)
        {
            var hours = counts.Hours.Where(h => WeeksAgo(h.Hour) == w).ToList();
            var messages = hours.Sum(h => h.Messages);
            if (messages == 0)
            {
                continue;
            }

            weeks.Add(new ActivityWeek(w, (int)messages, Distinct(counts.People, a => WeeksAgo(a.Hour) == w),
                (int)hours.Sum(h => h.AfterHours), Distinct(counts.AfterHoursPeople, a => WeeksAgo(a.Hour) == w)));
        }

        return weeks;
    }

    /// <summary>This week's slots that have any message.</summary>
    public IReadOnlyList<ActivitySlot> Slots()
    {
        var slots = new List<ActivitySlot>();
        foreach (var slot in counts.Hours.Where(h => WeeksAgo(h.Hour) == 0).GroupBy(h => SlotOf(h.Hour)).OrderBy(g => g.Key))
        {
            var (day, part) = ActivityClock.OfSlot(slot.Key);
            slots.Add(new ActivitySlot(day, part, (int)slot.Sum(h => h.Messages), (int)slot.Sum(h => h.AfterHours),
                Distinct(counts.AfterHoursPeople, a => WeeksAgo(a.Hour) == 0 && SlotOf(a.Hour) == slot.Key)));
        }

        return slots;
    }

    private int WeeksAgo(DateTimeOffset hour)
    {
        var middle = ActivityClock.Middle(hour);
        return middle >= thisWeek && middle < end ? 0 : middle >= lastWeek && middle < thisWeek ? 1 : -1;
    }

    private int SlotOf(DateTimeOffset hour) => ActivityClock.Slot(ActivityClock.Middle(hour), zone);

    private static int Distinct(IReadOnlyList<ActivityHourAuthor> rows, Func<ActivityHourAuthor, bool> where) =>
        rows.Where(where).Select(r => r.AuthorId).Distinct(StringComparer.Ordinal).Count();
}
