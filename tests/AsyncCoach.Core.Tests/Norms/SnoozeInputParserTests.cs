using AsyncCoach.Core.Norms;

namespace AsyncCoach.Core.Tests.Norms;

public sealed class SnoozeInputParserTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [TestCase("2h", 120, TestName = "Snooze 2h lasts two hours")]
    [TestCase("30m", 30, TestName = "Snooze 30m lasts thirty minutes")]
    [TestCase("1d", 1440, TestName = "Snooze 1d lasts a day")]
    [TestCase("1w", 10080, TestName = "Snooze 1w lasts a week")]
    [TestCase("90 minutes", 90, TestName = "Snooze accepts spelled-out units")]
    [TestCase("3 Hours", 180, TestName = "Snooze accepts capitalised units")]
    public void A_duration_counts_from_now(string text, int minutes)
    {
        Assert.That(SnoozeInputParser.TryParse(text, Now, Lisbon, out var until, out var error), Is.True, error);
        Assert.That(until, Is.EqualTo(Now.AddMinutes(minutes)));
    }

    [Test]
    public void Until_a_date_means_the_start_of_that_day_in_the_persons_zone()
    {
        Assert.That(SnoozeInputParser.TryParse("until 2026-12-01", Now, Tokyo, out var until, out _), Is.True);

        Assert.That(until, Is.EqualTo(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9))));
    }

    [Test]
    public void Until_a_date_and_time_uses_that_time_in_the_persons_zone_with_summer_time()
    {
        Assert.That(SnoozeInputParser.TryParse("until 2027-06-01 09:30", new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero), Lisbon, out var until, out _), Is.True);

        Assert.That(until, Is.EqualTo(new DateTimeOffset(2027, 6, 1, 9, 30, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public void Off_clears_the_snooze()
    {
        Assert.That(SnoozeInputParser.TryParse("off", Now, Lisbon, out var until, out _), Is.True);
        Assert.That(until, Is.Null);
    }

    [TestCase("until 2026-11-25", "already past", TestName = "Refuses a snooze until today's start (past)")]
    [TestCase("until 2020-01-01", "already past", TestName = "Refuses a snooze until a past date")]
    [TestCase("until 2026-11-25 09:59", "already past", TestName = "Refuses a snooze until a past time today")]
    [TestCase("until 2026-13-01", "not a date", TestName = "Refuses an impossible date")]
    [TestCase("until 2026-12-01 25:00", "not a time of day", TestName = "Refuses an impossible time")]
    [TestCase("until tomorrow", "not a date", TestName = "Refuses a date in words")]
    [TestCase("0h", "at least 1", TestName = "Refuses a zero snooze")]
    [TestCase("-2h", "couldn't read", TestName = "Refuses a negative snooze")]
    [TestCase("2 fortnights", "couldn't read", TestName = "Refuses an unknown unit")]
    [TestCase("91d", "at most 90 days", TestName = "Refuses a snooze longer than 90 days")]
    [TestCase("until 2027-12-01", "at most 90 days", TestName = "Refuses a date more than 90 days away")]
    public void Refuses_bad_input_with_one_line(string text, string reason)
    {
        Assert.That(SnoozeInputParser.TryParse(text, Now, Lisbon, out var until, out var error), Is.False);
        Assert.That(until, Is.Null);
        Assert.That(error, Does.Contain(reason));
        Assert.That(error, Does.Not.Contain('\n'));
    }
}
