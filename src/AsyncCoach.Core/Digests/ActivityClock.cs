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

    /// <summary>
    /// Where the hours of a lead's range begin: the first UTC hour whose middle is at or after
    /// <paramref name="start"/>. Hours from <c>First(a)</c> up to (excluded) <c>First(b)</c> are
    /// those whose middle lies in [a, b); findings, which keep exact times, are placed by their
    /// hour the same way by comparing their instant with the same bounds.
    /// </summary>
    public static DateTimeOffset FirstHour(DateTimeOffset start)
    {
        var hour = HourOf(start.AddMinutes(-30));
        return hour < start.AddMinutes(-30) ? hour.AddHours(1) : hour;
    }

    /// <summary>
    /// The bounds of the 28 slots of <paramref name="week"/> in <paramref name="zone"/> as hour
    /// bounds (<see cref="FirstHour"/>): 29 instants, slot <c>i</c> from bound <c>i</c> to <c>i + 1</c>.
    /// </summary>
    public static DateTimeOffset[] SlotBounds(DigestWeek week, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var bounds = new DateTimeOffset[(7 * Parts) + 1];
        var monday = TimeZoneInfo.ConvertTime(week.Start, zone).DateTime.Date;
        for (var i = 0; i < bounds.Length - 1; i++)
        {
            bounds[i] = FirstHour(i == 0 ? week.Start : LocalToInstant(monday.AddDays(i / Parts).AddHours(6 * (i % Parts)), zone));
        }

        bounds[^1] = FirstHour(week.End);
        return bounds;
    }

    // A local slot start that does not exist (a spring-forward) begins at the first local time that does;
    // an ambiguous one (a fall-back) at its first occurrence, as DigestWeek does for midnights.
    private static DateTimeOffset LocalToInstant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
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
