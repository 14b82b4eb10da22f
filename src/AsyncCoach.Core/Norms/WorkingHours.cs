namespace AsyncCoach.Core.Norms;

/// <summary>Days of the week a person works, as flags so a set fits in one value.</summary>
[Flags]
public enum WorkDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    All = Weekdays | Saturday | Sunday,
}

/// <summary>
/// Working hours in the person's own time zone. Start is inclusive, end exclusive, to the second.
/// When <see cref="End"/> is earlier than <see cref="Start"/> the window runs past midnight
/// (a night shift) and belongs to the day it starts on.
/// </summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, WorkDays Days)
{
    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0), WorkDays.Weekdays);

    public static WorkDays ToFlag(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WorkDays.Monday,
        DayOfWeek.Tuesday => WorkDays.Tuesday,
        DayOfWeek.Wednesday => WorkDays.Wednesday,
        DayOfWeek.Thursday => WorkDays.Thursday,
        DayOfWeek.Friday => WorkDays.Friday,
        DayOfWeek.Saturday => WorkDays.Saturday,
        _ => WorkDays.Sunday,
    };

    /// <summary>Whether <paramref name="instant"/> falls inside these hours in <paramref name="zone"/>.</summary>
    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone) => ContainsLocal(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Whether a wall-clock time in the person's own zone falls inside these hours.</summary>
    public bool ContainsLocal(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (Start <= End)
        {
            return (Days & ToFlag(local.DayOfWeek)) != 0 && time >= Start && time < End;
        }

        // Overnight: the evening part belongs to today, the early-morning part to yesterday.
        return time >= Start
            ? (Days & ToFlag(local.DayOfWeek)) != 0
            : time < End && (Days & ToFlag(local.AddDays(-1).DayOfWeek)) != 0;
    }

    /// <summary>
    /// The next moment at or after <paramref name="instant"/> when these hours start, in
    /// <paramref name="zone"/>: what a scheduled send should aim for. Null when no day is set.
    /// </summary>
    public DateTimeOffset? NextStart(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (Days == WorkDays.None)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        for (var offset = 0; offset <= 7; offset++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(offset);
            if ((Days & ToFlag(date.DayOfWeek)) == 0)
            {
                continue;
            }

            var wallClock = date.ToDateTime(Start);
            if (zone.IsInvalidTime(wallClock))
            {
                wallClock = wallClock.AddHours(1); // skipped by a DST jump: start when clocks resume
            }

            var candidate = new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock));
            if (candidate >= instant)
            {
                return candidate;
            }
        }

        return null;
    }
}
