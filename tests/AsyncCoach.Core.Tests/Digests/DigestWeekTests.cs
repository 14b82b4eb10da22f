using AsyncCoach.Core.Digests;

namespace AsyncCoach.Core.Tests.Digests;

public sealed class DigestWeekTests
{
    [TestCase("UTC", "2026-03-11T15:00:00Z", "2026-03-09T00:00:00+00:00", "2026-03-16T00:00:00+00:00")]
    [TestCase("Europe/Berlin", "2026-03-29T12:00:00Z", "2026-03-23T00:00:00+01:00", "2026-03-30T00:00:00+02:00")]
    [TestCase("America/New_York", "2026-11-02T03:00:00Z", "2026-10-26T00:00:00-04:00", "2026-11-02T00:00:00-05:00")]
    [TestCase("Australia/Sydney", "2026-04-05T12:00:00Z", "2026-03-30T00:00:00+11:00", "2026-04-06T00:00:00+10:00")]
    [TestCase("Asia/Kathmandu", "2026-03-08T18:30:00Z", "2026-03-09T00:00:00+05:45", "2026-03-16T00:00:00+05:45")]
    [TestCase("Asia/Kolkata", "2026-03-08T18:29:00Z", "2026-03-02T00:00:00+05:30", "2026-03-09T00:00:00+05:30")]
    public void A_week_runs_monday_to_monday_in_the_zone_across_daylight_saving(string zone, string instant, string start, string end)
    {
        var week = DigestWeek.Containing(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.That(week.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(start));
        Assert.That(week.End.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(end));
    }

    [Test]
    public void The_week_before_is_seven_local_days_earlier()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var week = DigestWeek.Starting(new DateOnly(2026, 3, 30), berlin);

        var before = week.Before(1, berlin);

        Assert.That(before.End, Is.EqualTo(week.Start));
        Assert.That(before.End - before.Start, Is.EqualTo(TimeSpan.FromHours(167)), "the spring-forward week is an hour short");
    }

    [Test]
    public void A_week_must_start_on_a_monday()
    {
        Assert.That(() => DigestWeek.Starting(new DateOnly(2026, 3, 10), TimeZoneInfo.Utc), Throws.ArgumentException.With.Message.Contains("Tuesday"));
    }
}
