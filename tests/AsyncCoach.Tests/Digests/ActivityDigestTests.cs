using AsyncCoach.Core.Digests;
using AsyncCoach.Digests;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// The live digest's activity from real counters, who-wrote-when and findings rows: weeks and
/// slots in the lead's zone (whole-hour and 45-minute offsets), and the privacy floor on slots.
/// </summary>
public sealed class ActivityDigestTests
{
    private const string Team = "T0001";
    private const string Lead = "ULEAD";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");

    private TempSqliteFile _file = null!;
    private DigestComposer _composer = null!;
    private long _ts;

    [SetUp]
    public void SetUp()
    {
        _file = new TempSqliteFile("activity-digest");
        _file.Migrate();
        var norms = new NormsStore(_file.Database, new PhraseFeedbackStore(_file.Database), new FakeTimeProvider());
        _composer = new DigestComposer(new DigestStore(_file.Database), new ActivityStore(_file.Database), norms);
    }

    [TearDown]
    public void TearDown() => _file.Dispose();

    [Test]
    public async Task A_slot_with_after_hours_messages_from_fewer_people_than_the_floor_is_folded_into_other_times()
    {
        var week = DigestWeek.Starting(new DateOnly(2026, 3, 9), Berlin);
        // Tuesday 20:00 Berlin: 2 after-hours messages by 2 people. Wednesday 07:00: 6 by 5 people.
        var tuesday = week.Start.AddDays(1).AddHours(20);
        var wednesday = week.Start.AddDays(2).AddHours(7);
        await CounterAsync(tuesday, "public", 10, 2);
        await CounterAsync(wednesday, "public", 12, 6);
        for (var i = 0; i < 2; i++)
        {
            await AfterHoursAsync($"U{i}", tuesday.AddMinutes(i));
        }

        for (var i = 0; i < 6; i++)
        {
            await AfterHoursAsync($"U{i % 5}", wednesday.AddMinutes(i));
        }

        for (var i = 0; i < 8; i++)
        {
            await PersonAsync($"U{i}", wednesday);
        }

        var input = await _composer.InputAsync(DigestSetting.Default(Team, Lead, week.Start), Berlin, week, late: false, CancellationToken.None);
        var digest = DigestBuilder.Build(input);

        Assert.That(input.ActivityWeeks, Is.EqualTo(new[] { new ActivityWeek(0, 22, 8, 8, 5) }));
        Assert.That(input.Activity, Is.EqualTo(new[]
        {
            new ActivitySlot(DayOfWeek.Tuesday, PartOfDay.Evening, 10, 2, 2),
            new ActivitySlot(DayOfWeek.Wednesday, PartOfDay.Morning, 12, 6, 5),
        }));
        Assert.That(digest.AfterHours!.Slots, Is.EqualTo(new[] { new DigestSlot(DayOfWeek.Wednesday, PartOfDay.Morning, 6, 12) }));
        Assert.That(digest.AfterHours.FoldedAfterHours, Is.EqualTo(2));
    }

    [Test]
    public async Task In_a_45_minute_zone_an_hour_counts_in_the_week_and_slot_that_hold_its_middle()
    {
        // The week starts Monday 9 March 00:00 in Kathmandu (+05:45) = Sunday 8 March 18:15 UTC.
        var week = DigestWeek.Starting(new DateOnly(2026, 3, 9), Kathmandu);
        Assert.That(week.Start.UtcDateTime, Is.EqualTo(new DateTime(2026, 3, 8, 18, 15, 0, DateTimeKind.Utc)));
        // 17:00–18:00 UTC (middle 22:15 Sunday local): last week. 18:00–19:00 UTC (middle 00:15 Monday): this week, Monday night.
        await CounterAsync(new DateTimeOffset(2026, 3, 8, 17, 0, 0, TimeSpan.Zero), "im", 3, 1);
        await CounterAsync(new DateTimeOffset(2026, 3, 8, 18, 0, 0, TimeSpan.Zero), "im", 4, 2);
        // 05:00–06:00 UTC Monday (middle 11:15 local): Monday morning.
        await CounterAsync(new DateTimeOffset(2026, 3, 9, 5, 0, 0, TimeSpan.Zero), "public", 5, 0);

        var input = await _composer.InputAsync(DigestSetting.Default(Team, Lead, week.Start), Kathmandu, week, late: false, CancellationToken.None);

        Assert.That(input.ActivityWeeks.Select(w => (w.WeeksAgo, w.Messages, w.AfterHours)), Is.EqualTo(new[] { (0, 9, 2), (1, 3, 1) }));
        Assert.That(input.Activity.Select(s => (s.Day, s.Part, s.Messages)), Is.EqualTo(new[]
        {
            (DayOfWeek.Monday, PartOfDay.Night, 4),
            (DayOfWeek.Monday, PartOfDay.Morning, 5),
        }));
    }

    [Test]
    public async Task A_week_without_counters_has_no_activity_rather_than_a_team_of_nobody()
    {
        var week = DigestWeek.Starting(new DateOnly(2026, 3, 9), Berlin);

        var input = await _composer.InputAsync(DigestSetting.Default(Team, Lead, week.Start), Berlin, week, late: false, CancellationToken.None);

        Assert.That(input.ActivityWeeks, Is.Empty);
        Assert.That(DigestBuilder.Build(input).Kind, Is.EqualTo(DigestKind.Quiet));
    }

    private async Task CounterAsync(DateTimeOffset at, string kind, int messages, int afterHours)
    {
        await using var connection = Open();
        await connection.ExecuteAsync(
            "INSERT INTO activity_counters (team_id, hour, kind, messages, after_hours) VALUES (@Team, @Hour, @Kind, @Messages, @AfterHours)",
            new { Team, Hour = StoredInstant.Format(ActivityClock.HourOf(at)), Kind = kind, Messages = messages, AfterHours = afterHours });
    }

    private async Task PersonAsync(string author, DateTimeOffset at)
    {
        await using var connection = Open();
        await connection.ExecuteAsync(
            "INSERT INTO activity_people (team_id, hour, author_id) VALUES (@Team, @Hour, @Author)",
            new { Team, Hour = StoredInstant.Format(ActivityClock.HourOf(at)), Author = author });
    }

    private async Task AfterHoursAsync(string author, DateTimeOffset at)
    {
        await using var connection = Open();
        await connection.ExecuteAsync("""
            INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
            VALUES (@Team, 'C0ENG', @Ts, 'after-hours-ping', @Author, @At, '[]', '[]', @At)
            """, new { Team, Ts = $"{++_ts}.000100", Author = author, At = StoredInstant.Format(at) });
    }

    private SqliteConnection Open() => new($"Data Source={_file.Path};Pooling=False");
}
