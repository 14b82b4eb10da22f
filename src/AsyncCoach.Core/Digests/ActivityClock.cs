namespace AsyncCoach.Core.Digests;

/// <summary>
/// Where an hour of the hourly counters falls in a lead's week. Counters are kept per UTC hour;
/// in a zone with a 30- or 45-minute offset a UTC hour straddles two local hours, so an hour is
/// placed by its middle (start + 30 min): in whole-hour zones that is exactly the hour's own slot,
/// elsewhere at most half of the hour is placed in the neighbouring slot, never more.
/// </summary>
public static class ActivityClock
{
    public const int Parts = 4;

    /// <summary>The instant that places the UTC hour starting at <paramref name="hourStart"/>.</summary>
    public static DateTimeOffset Middle(DateTimeOffset hourStart) => hourStart.AddMinutes(30);

    /// <summary>The start of the UTC hour containing <paramref name="instant"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    /// <summary>The slot (weekday Monday first × part of day) of <paramref name="instant"/> in <paramref name="zone"/>: 0 to 27.</summary>
    public static int Slot(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return ((((int)local.DayOfWeek + 6) % 7) * Parts) + (local.Hour / 6);
    }

    /// <summary>The weekday and part of day of a slot number.</summary>
    public static (DayOfWeek Day, PartOfDay Part) OfSlot(int slot) => ((DayOfWeek)((slot / Parts + 1) % 7), (PartOfDay)(slot % Parts));
}
