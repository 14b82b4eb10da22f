namespace AsyncCoach.Tests.Digests;

/// <summary>
/// Exactly once per lead and week at the lead's local day and time, across daylight-saving
/// changes in both hemispheres and in 30/45-minute offset zones; catch-up after downtime; a
/// restart mid-send; two leads; a lead who changes day or zone mid-week. Weeks run in
/// milliseconds on a fake clock, with a scheduling pass every 15 minutes as the service does
/// every minute (15 minutes keeps the months fast and still lands inside the late margin).
/// </summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private static IEnumerable<TestCaseData> Zones()
    {
        // Spring: New York (8 Mar), Berlin (29 Mar) forward; Sydney (5 Apr) back. Autumn: Sydney
        // (4 Oct) forward; Berlin (25 Oct), New York (1 Nov) back. Kolkata +5:30, Kathmandu +5:45.
        foreach (var zone in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu" })
        {
            yield return new TestCaseData(zone, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 7).SetName($"Spring_{zone.Replace('/', '_')}");
            yield return new TestCaseData(zone, new DateTimeOffset(2026, 9, 27, 0, 0, 0, TimeSpan.Zero), 6).SetName($"Autumn_{zone.Replace('/', '_')}");
        }
    }

    [TestCaseSource(nameof(Zones))]
    public async Task Every_lead_gets_one_digest_a_week_at_Monday_09_00_in_their_own_zone(string zoneId, DateTimeOffset start, int weeks)
    {
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", zoneId));

        await harness.SimulateAsync(start.AddDays(7 * weeks), Step);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var digests = await harness.DigestsAsync();
        Assert.That(digests, Has.Count.EqualTo(weeks));
        Assert.That(digests.Select(d => d.Key).Distinct().Count(), Is.EqualTo(weeks));
        foreach (var digest in digests)
        {
            var local = TimeZoneInfo.ConvertTime(digest.Created, zone);
            Assert.That(local.DayOfWeek, Is.EqualTo(DayOfWeek.Monday), digest.Key);
            Assert.That(local.TimeOfDay, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(9)).And.LessThan(TimeSpan.FromHours(9) + Step), digest.Key);
            Assert.That(digest.Key, Is.EqualTo($"digest:{local:yyyy-MM-dd}"));
            Assert.That(digest.Late, Is.False);
        }
    }

    [Test]
    public async Task After_downtime_only_the_latest_missed_week_is_sent_once_and_marked_late()
    {
        // Monday 2 March 2026, 07:00 UTC = 08:00 in Berlin.
        var start = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));
        await harness.SimulateAsync(start.AddHours(2), Step);
        Assert.That(await harness.DigestsAsync(), Has.Count.EqualTo(1));

        // Down for three weeks; back on Wednesday 25 March.
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 25, 12, 0, 0, TimeSpan.Zero));
        harness.Restart();
        await harness.SimulateAsync(harness.Time.GetUtcNow().AddDays(1), Step);
        harness.Restart();
        await harness.Run.RunAsync(harness.Time.GetUtcNow(), CancellationToken.None);

        var digests = await harness.DigestsAsync();
        Assert.That(digests.Select(d => (d.Key, d.Late)), Is.EqualTo(new[] { ("digest:2026-03-02", false), ("digest:2026-03-23", true) }));
    }

    [Test]
    public async Task A_restart_in_the_middle_of_a_send_ends_it_as_interrupted_and_never_schedules_that_week_again()
    {
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));
        await harness.SimulateAsync(start.AddMinutes(15), Step);
        var claimed = (await harness.DigestsAsync()).Single();
        Assert.That(await harness.Outbox.MarkSendingAsync(claimed.Id, CancellationToken.None), Is.True);

        // The process dies mid-call; the next start ends the row and schedules again.
        Assert.That(await harness.Outbox.RecoverInterruptedAsync(harness.Time.GetUtcNow(), CancellationToken.None), Is.EqualTo(1));
        harness.Restart();
        await harness.SimulateAsync(start.AddHours(6), Step);

        var digests = await harness.DigestsAsync();
        Assert.That(digests.Select(d => (d.Id, d.State, d.EndReason)), Is.EqualTo(new[] { (claimed.Id, "failed", (string?)"interrupted") }));
    }

    [Test]
    public async Task Two_leads_of_one_team_each_get_theirs_at_their_own_local_time()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEADBER", "Europe/Berlin"), ("ULEADSYD", "Australia/Sydney"));

        await harness.SimulateAsync(start.AddDays(14), Step);

        var digests = await harness.DigestsAsync();
        Assert.That(digests.Where(d => d.Lead == "ULEADBER").Select(d => d.Created), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero),
        }));
        Assert.That(digests.Where(d => d.Lead == "ULEADSYD").Select(d => d.Created), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 8, 22, 0, 0, TimeSpan.Zero),
        }));
    }

    [Test]
    public async Task A_lead_who_moves_their_day_after_this_weeks_digest_gets_none_again_that_week_and_the_new_day_from_next_week()
    {
        var start = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));
        await harness.SimulateAsync(start.AddDays(1), Step);

        var setting = (await harness.Settings.GetAsync(DigestRunHarness.Team, "ULEAD1", CancellationToken.None))!;
        await harness.Settings.SaveAsync(setting with { Weekday = 3, LocalTime = new TimeOnly(10, 0) }, harness.Time.GetUtcNow(), CancellationToken.None);
        harness.Restart();
        await harness.SimulateAsync(start.AddDays(10), Step);

        var digests = await harness.DigestsAsync();
        Assert.That(digests.Select(d => d.Created), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero),
        }));
    }

    [Test]
    public async Task A_lead_who_moves_to_another_zone_mid_week_gets_none_again_that_week_and_the_new_zones_Monday_next()
    {
        var start = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));
        await harness.SimulateAsync(start.AddDays(1), Step);

        await harness.ZoneAsync("ULEAD1", "America/New_York");
        await harness.SimulateAsync(start.AddDays(8), Step);

        var digests = await harness.DigestsAsync();
        Assert.That(digests.Select(d => d.Created), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero),
        }));
    }

    [Test]
    public async Task A_new_lead_gets_no_digest_for_a_slot_before_they_were_a_lead()
    {
        // Wednesday: this week's Monday slot has passed but was before the lead existed.
        var start = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));

        await harness.SimulateAsync(start.AddDays(2), Step);

        Assert.That(await harness.DigestsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_team_that_is_not_installed_gets_no_digest()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));
        await harness.Installations.SetAsync(DigestRunHarness.Team, active: false, "token_revoked", start, CancellationToken.None);

        await harness.SimulateAsync(start.AddDays(8), Step);

        Assert.That(await harness.DigestsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_lead_who_turned_the_digest_off_gets_none()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        using var harness = new DigestRunHarness(start);
        await harness.LeadsAsync(("ULEAD1", "Europe/Berlin"));
        await harness.Settings.SaveAsync(
            Storage.DigestSetting.Default(DigestRunHarness.Team, "ULEAD1", start) with { Enabled = false }, start, CancellationToken.None);

        await harness.SimulateAsync(start.AddDays(14), Step);

        Assert.That(await harness.DigestsAsync(), Is.Empty);
    }
}
