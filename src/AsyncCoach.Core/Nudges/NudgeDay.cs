namespace AsyncCoach.Core.Nudges;

/// <summary>
/// "Today" for the daily caps is the author's own calendar day in their time zone, so a cap
/// resets at their midnight, not at a UTC midnight in the middle of their afternoon. With no
/// known (or an unknown) zone, the UTC day.
/// </summary>
public static class NudgeDay
{
    public static DateTimeOffset StartOf(DateTimeOffset now, string? timeZoneId)
    {
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found))
        {
            zone = found;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        // Midnight may not exist or be ambiguous on a DST day; take the zone's offset at that moment.
        var offset = zone.IsInvalidTime(midnight) ? zone.GetUtcOffset(midnight.AddHours(1)) : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }
}
