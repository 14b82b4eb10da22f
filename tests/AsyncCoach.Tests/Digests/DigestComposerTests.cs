using System.Text.Json.Nodes;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Digests;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Digests;

/// <summary>The live digest's numbers: aggregate queries over real findings and nudges rows fill <see cref="DigestInput"/>.</summary>
public sealed class DigestComposerTests
{
    private const string Team = "T0001";
    private const string Lead = "ULEAD";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // The week of Monday 9 March 2026 in Berlin.
    private static readonly DigestWeek Week = DigestWeek.Starting(new DateOnly(2026, 3, 9), Berlin);

    private TempSqliteFile _file = null!;
    private DigestComposer _composer = null!;
    private NormsStore _norms = null!;
    private long _ts;

    [SetUp]
    public void SetUp()
    {
        _file = new TempSqliteFile("digest-composer");
        _file.Migrate();
        _norms = new NormsStore(_file.Database, new PhraseFeedbackStore(_file.Database), new FakeTimeProvider(Week.End));
        _composer = new DigestComposer(new DigestStore(_file.Database), new ActivityStore(_file.Database), _norms);
    }

    [TearDown]
    public void TearDown() => _file.Dispose();

    [Test]
    public async Task Findings_are_counted_per_rule_and_week_with_distinct_authors_and_channels_narrow_them()
    {
        // This week: 7 vague-urgency findings by 6 people (one twice), one in #design. Last week: 3 by 3.
        for (var i = 0; i < 6; i++)
        {
            await FindingAsync("vague-urgency", $"U{i}", Week.Start.AddHours(10 + i), "C0ENG");
        }

        await FindingAsync("vague-urgency", "U0", Week.Start.AddDays(2), "C0DESIGN");
        for (var i = 0; i < 3; i++)
        {
            await FindingAsync("vague-urgency", $"U{i}", Week.Start.AddDays(-3), "C0ENG");
        }

        // Three weeks ago, and one the week after (not counted).
        await FindingAsync("after-hours-ping", Lead, Week.Start.AddDays(-20), "C0ENG");
        await FindingAsync("after-hours-ping", "U1", Week.End.AddHours(1), "C0ENG");

        var all = await _composer.InputAsync(DigestSetting.Default(Team, Lead, Week.Start), Berlin, Week, late: false, CancellationToken.None);
        var eng = await _composer.InputAsync(DigestSetting.Default(Team, Lead, Week.Start) with { Channels = ["C0ENG"] }, Berlin, Week, late: false, CancellationToken.None);

        Assert.That(all.Findings.OrderBy(f => f.RuleId).ThenBy(f => f.WeeksAgo), Is.EqualTo(new[]
        {
            new RuleWeek("after-hours-ping", 3, 1, 1),
            new RuleWeek("vague-urgency", 0, 7, 6),
            new RuleWeek("vague-urgency", 1, 3, 3),
        }));
        Assert.That(eng.Findings.Single(f => f.RuleId == "vague-urgency" && f.WeeksAgo == 0), Is.EqualTo(new RuleWeek("vague-urgency", 0, 6, 6)));
        Assert.That((all.WeekStart, all.WeekEnd, all.MinGroup), Is.EqualTo((Week.Start, Week.End, 5)));
        Assert.That(all.DataSince, Is.EqualTo(Week.Start.AddDays(-20)));
        Assert.That(all.Lead!.LastWeek.AfterHoursPings, Is.EqualTo(0));
    }

    [Test]
    public async Task Nudge_outcomes_per_rule_count_delivered_thanks_and_not_helpful_this_week()
    {
        var first = await NudgeAsync("vague-urgency", "U1", Week.Start.AddHours(9), "thanks");
        await NudgeAsync("vague-urgency", "U2", Week.Start.AddHours(10), "not_helpful");
        await NudgeAsync("vague-urgency", "U2", Week.Start.AddHours(11), null);
        await NudgeAsync("vague-urgency", "U3", Week.Start.AddDays(-1), "thanks");
        await NudgeAsync("huddle-instead-of-thread", Lead, Week.Start.AddHours(12), "not_helpful");
        Assert.That(first, Is.GreaterThan(0));

        var input = await _composer.InputAsync(DigestSetting.Default(Team, Lead, Week.Start), Berlin, Week, late: true, CancellationToken.None);

        Assert.That(input.Nudges.OrderBy(n => n.RuleId), Is.EqualTo(new[]
        {
            new RuleNudges("huddle-instead-of-thread", 1, 0, 1, 1),
            new RuleNudges("vague-urgency", 3, 1, 1, 2),
        }));
        Assert.That((input.Lead!.ThisWeek.NudgesDelivered, input.Lead.ThisWeek.NotHelpful), Is.EqualTo((1, 1)));
        Assert.That(input.Late, Is.True);
    }

    [Test]
    public async Task The_teams_privacy_floor_norm_reaches_the_digest()
    {
        await _norms.SetAsync(Team, "digest_min_group", JsonValue.Create(8), "test", CancellationToken.None);

        var input = await _composer.InputAsync(DigestSetting.Default(Team, Lead, Week.Start), Berlin, Week, late: false, CancellationToken.None);

        Assert.That(input.MinGroup, Is.EqualTo(8));
        Assert.That(input.Findings, Is.Empty);
        Assert.That(input.DataSince, Is.Null);
    }

    // As an inbox round records a finding: through the round's counting store, its tally (the digest's counters) in the same transaction.
    private async Task FindingAsync(string rule, string author, DateTimeOffset at, string channel)
    {
        var tally = new FindingCountTally(new FindingCountStore());
        var store = new CountingFindingStore(new FindingStore(_file.Database, new FakeTimeProvider(at)), tally);
        var finding = new Finding(rule, new TeamId(Team), new ChannelId(channel), new MessageTs($"{++_ts}.000100"), null, new UserId(author), at, [], "");
        await using var write = await _file.Database.BeginWriteAsync(CancellationToken.None);
        await store.AddAsync(write, [finding], CancellationToken.None);
        tally.Write(write);
        await write.CommitAsync(CancellationToken.None);
    }

    private async Task<long> NudgeAsync(string rule, string author, DateTimeOffset sentAt, string? feedback)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        var at = StoredInstant.Format(sentAt);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO nudges (team_id, channel_id, message_ts, author_id, delivery, state, attempts, next_attempt_at, expires_at, day_start, created_at, sent_at)
            VALUES (@Team, 'C0ENG', @Ts, @Author, 'Ephemeral', 'pending', 1, @At, @At, @At, @At, NULL) RETURNING id
            """, new { Team, Ts = $"{++_ts}.000200", Author = author, At = at });
        await connection.ExecuteAsync("INSERT INTO nudge_rules (nudge_id, rule_id) VALUES (@Id, @Rule)", new { Id = id, Rule = rule });
        // Sent as the outbox ends a send (the digest's nudge counters follow the state change).
        await connection.ExecuteAsync("UPDATE nudges SET state = 'sent', sent_at = @At WHERE id = @Id", new { Id = id, At = at });
        if (feedback is not null)
        {
            await connection.ExecuteAsync("INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) VALUES (@Id, @Kind, @Author, @At)", new { Id = id, Kind = feedback, Author = author, At = at });
        }

        return id;
    }
}
