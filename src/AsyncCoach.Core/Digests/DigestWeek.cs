namespace AsyncCoach.Core.Digests;

/// <summary>
/// A digest week: Monday 00:00 to the next Monday 00:00 in a zone, each with the offset in force
/// then (a week with a daylight-saving change is 167 or 169 hours long).
/// </summary>
public readonly record struct DigestWeek(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The week containing <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DigestWeek Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var monday = DateOnly.FromDateTime(local).AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return Starting(monday, zone);
    }

    /// <summary>The week starting on <paramref name="monday"/> (which must be a Monday) in <paramref name="zone"/>.</summary>
    public static DigestWeek Starting(DateOnly monday, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"{monday:yyyy-MM-dd} is a {monday.DayOfWeek}, not a Monday.", nameof(monday));
        }

        return new DigestWeek(StartOfDay(monday, zone), StartOfDay(monday.AddDays(7), zone));
    }

    /// <summary>The week <paramref name="weeks"/> before this one (in the same zone).</summary>
    public DigestWeek Before(int weeks, TimeZoneInfo zone) =>
        Starting(DateOnly.FromDateTime(Start.DateTime).AddDays(-7 * weeks), zone);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>
    /// Local midnight as an instant. Where a zone skips midnight (a spring-forward at 00:00, as in
    /// some South American zones), the day starts at the first local time that exists.
    /// </summary>
    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // An ambiguous midnight (a fall-back at 00:00) is taken at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
