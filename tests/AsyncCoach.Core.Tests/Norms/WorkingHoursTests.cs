using AsyncCoach.Core.Norms;

namespace AsyncCoach.Core.Tests.Norms;

public sealed class WorkingHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
    private static readonly WorkingHours NightShift = new(new TimeOnly(22, 0), new TimeOnly(6, 0), WorkDays.Weekdays);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("2026-03-10T08:00:00Z", true, TestName = "Start is inclusive to the second (09:00:00 Berlin)")]
    [TestCase("2026-03-10T07:59:59Z", false, TestName = "One second before the start is outside (08:59:59 Berlin)")]
    [TestCase("2026-03-10T15:59:59Z", true, TestName = "The last second before the end is inside (16:59:59 Berlin)")]
    [TestCase("2026-03-10T16:00:00Z", false, TestName = "End is exclusive (17:00:00 Berlin)")]
    [TestCase("2026-03-14T10:00:00Z", false, TestName = "Saturday is outside by default")]
    [TestCase("2026-03-30T07:30:00Z", true, TestName = "After the EU spring change 07:30 UTC is 09:30 Berlin, inside")]
    [TestCase("2026-03-27T07:30:00Z", false, TestName = "Before the EU spring change 07:30 UTC is 08:30 Berlin, outside")]
    [TestCase("2026-10-26T07:30:00Z", false, TestName = "After the EU autumn change 07:30 UTC is 08:30 Berlin, outside")]
    public void Default_hours_in_Berlin(string instant, bool inside) =>
        Assert.That(WorkingHours.Default.Contains(Utc(instant), Berlin), Is.EqualTo(inside));

    [TestCase("2026-03-10T23:00:00+01:00", true, TestName = "A night shift includes Tuesday 23:00")]
    [TestCase("2026-03-11T05:59:59+01:00", true, TestName = "A night shift started Tuesday includes Wednesday 05:59:59")]
    [TestCase("2026-03-11T06:00:00+01:00", false, TestName = "A night shift ends exclusive at 06:00")]
    [TestCase("2026-03-14T02:00:00+01:00", true, TestName = "Saturday 02:00 belongs to Friday's night shift")]
    [TestCase("2026-03-15T02:00:00+01:00", false, TestName = "Sunday 02:00 belongs to Saturday, not a work day")]
    [TestCase("2026-03-10T12:00:00+01:00", false, TestName = "Noon is outside a night shift")]
    public void Overnight_hours(string instant, bool inside) =>
        Assert.That(NightShift.Contains(Utc(instant), Berlin), Is.EqualTo(inside));

    [Test]
    public void Next_start_on_a_Friday_evening_is_Monday_morning_across_the_EU_spring_change()
    {
        var next = WorkingHours.Default.NextStart(Utc("2026-03-27T18:00:00Z"), Berlin);

        Assert.That(next, Is.EqualTo(Utc("2026-03-30T09:00:00+02:00")));
    }

    [Test]
    public void Next_start_across_the_US_spring_change_uses_daylight_time()
    {
        var next = WorkingHours.Default.NextStart(Utc("2026-03-06T23:00:00Z"), NewYork);

        Assert.That(next, Is.EqualTo(Utc("2026-03-09T09:00:00-04:00")));
    }

    [Test]
    public void Next_start_across_the_US_autumn_change_uses_standard_time()
    {
        var next = WorkingHours.Default.NextStart(Utc("2026-10-30T22:00:00Z"), NewYork);

        Assert.That(next, Is.EqualTo(Utc("2026-11-02T09:00:00-05:00")));
    }

    [Test]
    public void Next_start_in_Sydney_after_the_April_change_uses_standard_time()
    {
        var next = WorkingHours.Default.NextStart(Utc("2026-04-03T08:00:00Z"), Sydney);

        Assert.That(next, Is.EqualTo(Utc("2026-04-06T09:00:00+10:00")));
    }

    [Test]
    public void Next_start_before_todays_start_is_today()
    {
        var next = WorkingHours.Default.NextStart(Utc("2026-03-10T06:00:00Z"), Berlin);

        Assert.That(next, Is.EqualTo(Utc("2026-03-10T09:00:00+01:00")));
    }

    [Test]
    public void Next_start_is_null_without_work_days()
    {
        Assert.That(new WorkingHours(new TimeOnly(9, 0), new TimeOnly(17, 0), WorkDays.None).NextStart(Utc("2026-03-10T06:00:00Z"), Berlin), Is.Null);
    }
}
