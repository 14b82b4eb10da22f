using System.Globalization;
using AsyncCoach.Core.Digests;
using AsyncCoach.Storage;

namespace AsyncCoach.Digests;

/// <summary>
/// When a lead's digest is due: the chosen weekday and local time in the lead's zone, once per
/// digest week (Monday to Monday in that zone). A slot is keyed by its week's Monday, so a lead
/// who moves their day or zone within a week is not sent that week twice. Each slot reports the
/// last full week before it.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The slot of <paramref name="week"/>: its chosen weekday and time in <paramref name="zone"/>.</summary>
    public static DateTimeOffset SlotOfWeek(DigestWeek week, DigestSetting setting, TimeZoneInfo zone)
    {
        var monday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(week.Start, zone).DateTime);
        var local = monday.AddDays(setting.Weekday - 1).ToDateTime(setting.LocalTime, DateTimeKind.Unspecified);

        // A time that the clocks skip (spring forward) is taken as the first one after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // A time that happens twice (fall back) is taken at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The latest slot at or before <paramref name="now"/>, with the week it belongs to.</summary>
    public static (DateTimeOffset Slot, DigestWeek Week) LatestSlot(DateTimeOffset now, DigestSetting setting, TimeZoneInfo zone)
    {
        var week = DigestWeek.Containing(now, zone);
        var slot = SlotOfWeek(week, setting, zone);
        if (slot <= now)
        {
            return (slot, week);
        }

        var before = week.Before(1, zone);
        return (SlotOfWeek(before, setting, zone), before);
    }

    /// <summary>The next slot after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextSlot(DateTimeOffset now, DigestSetting setting, TimeZoneInfo zone)
    {
        var week = DigestWeek.Containing(now, zone);
        var slot = SlotOfWeek(week, setting, zone);
        return slot > now ? slot : SlotOfWeek(DigestWeek.Starting(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(week.End, zone).DateTime), zone), setting, zone);
    }

    /// <summary>The outbox key of a slot's week: its Monday, as the lead's zone names it.</summary>
    public static string Key(DigestWeek week, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(week.Start, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
