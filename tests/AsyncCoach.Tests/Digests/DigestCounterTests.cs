using System.Text.Json;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Digests;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// The live digest reads findings and nudges per rule and week from hourly counters (migrations
/// 0022 and 0023): the findings' written once per inbox round from the round's tally, the nudges'
/// by triggers when a nudge is sent and answered. These tests hold the digest read from them to a
/// recount of the same rows, for random data across daylight-saving weeks, 30/45-minute zones and
/// narrowed channels, with distinct people counted up to <see cref="DigestInput.LargestMinGroup"/>.
/// </summary>
public sealed class DigestCounterTests
{
    private const string Team = "T0AGG";
    private const string Lead = "ULEAD";
    private const int Cap = DigestInput.LargestMinGroup;
    private static readonly string[] Rules = ["vague-urgency", "after-hours-ping", "missing-context", "custom-rule", "busy-rule"];
    private static readonly string[] ChannelIds = ["C1", "C2", "C3", "C4"];
    private static readonly IReadOnlyList<string>?[] Narrowings = [null, ["C1"], ["C2", "C4"]];

    // Weeks whose four-week trend crosses a clock change: Europe and Sydney in spring 2026 (29 March,
    // 5 April), Europe and the US in autumn (25 October, 1 November); Kolkata (+05:30) and Kathmandu
    // (+05:45) put every week boundary inside a UTC hour.
    private static IEnumerable<TestCaseData> Weeks() =>
        from zone in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "UTC" }
        from monday in new[] { new DateOnly(2026, 4, 6), new DateOnly(2026, 11, 2) }
        select new TestCaseData(zone, monday).SetName($"Counted_digest_equals_a_recount({zone}, {monday:yyyy-MM-dd})");

    private TempSqliteFile _file = null!;

    [SetUp]
    public void SetUp() => _file = new TempSqliteFile("digest-counters");

    [TearDown]
    public void TearDown() => _file.Dispose();

    [TestCaseSource(nameof(Weeks))]
    public async Task Counted_digest_equals_a_recount(string zoneId, DateOnly monday)
    {
        _file.Migrate();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var week = DigestWeek.Starting(monday, zone);
        var random = new Random(monday.DayNumber ^ zoneId.Length);
        var findings = RandomFindings(week, zone, random);
        Assert.That(await RecordAsync(findings, week.End), Is.EqualTo(findings.Count));
        // A message seen again (a reprocessed round, an edit) inserts nothing, so it must count nothing either.
        Assert.That(await RecordAsync([.. findings.Take(50)], week.End), Is.Zero);
        var nudges = await SendNudgesAsync(week, zone, random);

        await AssertEqualsRecountAsync(findings, nudges, week, zone);
    }

    [Test]
    public async Task A_round_that_fails_counts_nothing_and_counts_once_when_processed_again()
    {
        _file.Migrate();
        var zone = TimeZoneInfo.Utc;
        var week = DigestWeek.Starting(new DateOnly(2026, 4, 6), zone);
        var findings = RandomFindings(week, zone, new Random(3));
        var tally = new FindingCountTally(new FindingCountStore());
        var sink = new FindingCountingSink(
            new RecordingFindingSink(new CountingFindingStore(new FindingStore(_file.Database, new FakeTimeProvider(week.End)), tally)), tally);
        await sink.AcceptAsync(findings, CancellationToken.None);
        await using (var write = await _file.Database.BeginWriteAsync(CancellationToken.None))
        {
            await sink.WriteAsync(write, CancellationToken.None);
            // Not committed: the round failed after writing.
        }

        await using (var write = await _file.Database.BeginWriteAsync(CancellationToken.None))
        {
            await sink.WriteAsync(write, CancellationToken.None);
            await write.CommitAsync(CancellationToken.None);
        }

        sink.Committed();
        await AssertEqualsRecountAsync(findings, [], week, zone);
    }

    [Test]
    public async Task The_migrations_backfill_the_counters_from_rows_already_recorded()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var week = DigestWeek.Starting(new DateOnly(2026, 4, 6), zone);
        var random = new Random(7);
        var findings = RandomFindings(week, zone, random);
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, """
                CREATE TABLE [schema_version] (
                    SchemaVersionID INTEGER CONSTRAINT [PK_schema_version_Id] PRIMARY KEY AUTOINCREMENT NOT NULL,
                    ScriptName TEXT NOT NULL,
                    Applied DATETIME NOT NULL)
                """);
            foreach (var name in DatabaseMigrator.ScriptNames().Where(n => string.CompareOrdinal(n, DatabaseMigrator.ScriptPrefix + "0022") < 0))
            {
                using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(name)!;
                Execute(connection, new StreamReader(stream).ReadToEnd());
                Execute(connection, $"INSERT INTO schema_version (ScriptName, Applied) VALUES ('{name}', '2026-11-20 09:00:00.0000000')");
            }
        }

        SqliteConnection.ClearAllPools();
        // Findings as the store wrote them before 0022, nudges sent and answered before 0023.
        Assert.That(await new FindingStore(_file.Database, new FakeTimeProvider(week.End)).AddAsync(findings, CancellationToken.None), Is.EqualTo(findings.Count));
        var nudges = await SendNudgesAsync(week, zone, random);
        SqliteConnection.ClearAllPools();
        _file.Migrate();

        await AssertEqualsRecountAsync(findings, nudges, week, zone);
    }

    [Test]
    public async Task Retention_and_a_team_that_leaves_delete_the_counters_with_what_they_count()
    {
        _file.Migrate();
        var now = new DateTimeOffset(2026, 4, 13, 0, 0, 0, TimeSpan.Zero);
        await RecordAsync([Finding("vague-urgency", "C1", "U1", now.AddDays(-40), 1), Finding("vague-urgency", "C1", "U2", now.AddDays(-2), 2)], now);
        var outbox = new OutboxStore(_file.Database, new SqliteGroupCommit(_file.Database));
        await SendAsync(outbox, 1, "C1", "U1", ["vague-urgency"], now.AddDays(-40));
        await SendAsync(outbox, 2, "C1", "U2", ["vague-urgency"], now.AddDays(-2));
        var teamData = new TeamDataStore(_file.Database);

        var old = await teamData.DeleteOldAsync(now.AddDays(-30), new Dictionary<string, DateTimeOffset>(), now, now, CancellationToken.None);

        Assert.That(old.Counts["finding_counts"], Is.EqualTo(2), "the old finding's team and channel rows");
        Assert.That(old.Counts["nudge_counts"], Is.EqualTo(2), "the old nudge's team and channel rows");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM finding_counts"), Is.EqualTo(2));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM nudge_counts"), Is.EqualTo(2));

        var gone = await teamData.DeleteTeamAsync(Team, CancellationToken.None);

        Assert.That(gone.Counts["finding_counts"], Is.EqualTo(2));
        Assert.That(gone.Counts["nudge_counts"], Is.EqualTo(2));
    }

    private async Task AssertEqualsRecountAsync(IReadOnlyList<Finding> findings, IReadOnlyList<SentNudge> nudges, DigestWeek week, TimeZoneInfo zone)
    {
        var norms = new NormsStore(_file.Database, new PhraseFeedbackStore(_file.Database), new FakeTimeProvider(week.End));
        var composer = new DigestComposer(new DigestStore(_file.Database), new ActivityStore(_file.Database), norms);
        var starts = Enumerable.Range(0, DigestInput.TrendWeeks).Select(w => w == 0 ? week.Start : week.Before(w, zone).Start).ToList();
        foreach (var channels in Narrowings)
        {
            var setting = DigestSetting.Default(Team, Lead, starts[^1]) with { Channels = channels };
            var input = await composer.InputAsync(setting, zone, week, late: false, CancellationToken.None);
            var recount = Recount(findings, starts, week.End, channels);
            var nudgeRecount = Recount(nudges, week, channels);
            var label = channels is null ? "all channels" : string.Join(",", channels);

            Assert.That(Sorted(input.Findings), Is.EqualTo(Sorted(recount)), label);
            Assert.That(input.Nudges.OrderBy(n => n.RuleId, StringComparer.Ordinal), Is.EqualTo(nudgeRecount), label + ": nudges");
            Assert.That(Render(input with { Findings = recount, Nudges = nudgeRecount }), Is.EqualTo(Render(input)), label + ": the digest as sent");
        }

        Assert.That(findings.Where(f => f.RuleId == "busy-rule" && f.At >= week.Start && f.At < week.End).Select(f => f.Author).Distinct().Count(),
            Is.GreaterThan(Cap), "a rule above the cap, counted as the cap");
    }

    /// <summary>Findings per rule and week, distinct authors per rule and week up to the cap.</summary>
    private static List<RuleWeek> Recount(IReadOnlyList<Finding> findings, IReadOnlyList<DateTimeOffset> starts, DateTimeOffset end, IReadOnlyList<string>? channels) =>
        [.. findings
            .Where(f => channels is null || channels.Contains(f.Channel.Value))
            .Select(f => (f, w: Enumerable.Range(0, starts.Count).FirstOrDefault(w => f.At >= starts[w] && f.At < (w == 0 ? end : starts[w - 1]), -1)))
            .Where(x => x.w >= 0)
            .GroupBy(x => (x.f.RuleId, x.w))
            .Select(g => new RuleWeek(g.Key.RuleId, g.Key.w, g.Count(), Math.Min(Cap, g.Select(x => x.f.Author.Value).Distinct().Count())))];

    /// <summary>This week's nudges per rule: delivered, thanks, not helpful, distinct recipients up to the cap.</summary>
    private static List<RuleNudges> Recount(IReadOnlyList<SentNudge> nudges, DigestWeek week, IReadOnlyList<string>? channels) =>
        [.. nudges
            .Where(n => n.SentAt >= week.Start && n.SentAt < week.End && (channels is null || channels.Contains(n.Channel)))
            .SelectMany(n => n.Rules.Select(rule => (rule, n)))
            .GroupBy(x => x.rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleNudges(g.Key, g.Count(), g.Count(x => x.n.Thanks), g.Count(x => x.n.NotHelpful),
                Math.Min(Cap, g.Select(x => x.n.Recipient).Distinct().Count())))];

    private static List<RuleWeek> Sorted(IEnumerable<RuleWeek> rows) =>
        [.. rows.OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.WeeksAgo)];

    private static string Render(DigestInput input)
    {
        var digest = DigestBuilder.Build(input);
        using var json = new MemoryStream();
        DigestJson.Write(json, digest);
        var message = JsonSerializer.Serialize(DigestBlocks.Build(digest).ToPostMessage("D1"), SlackJsonContext.Default.PostMessageRequest);
        return System.Text.Encoding.UTF8.GetString(json.ToArray()) + "\n" + message;
    }

    /// <summary>Records findings as an inbox round does: through the round's counting store, its tally written in the same transaction.</summary>
    private async Task<int> RecordAsync(IReadOnlyList<Finding> findings, DateTimeOffset now)
    {
        var tally = new FindingCountTally(new FindingCountStore());
        var store = new CountingFindingStore(new FindingStore(_file.Database, new FakeTimeProvider(now)), tally);
        await using var write = await _file.Database.BeginWriteAsync(CancellationToken.None);
        var added = await store.AddAsync(write, findings, CancellationToken.None);
        tally.Write(write);
        await write.CommitAsync(CancellationToken.None);
        return added;
    }

    private sealed record SentNudge(string Channel, string Recipient, string[] Rules, DateTimeOffset SentAt, bool Thanks, bool NotHelpful);

    /// <summary>
    /// Nudges sent at random instants around the week's boundaries through the outbox's own end of a
    /// send, answered through the feedback store before or after the send, and some never sent.
    /// </summary>
    private async Task<List<SentNudge>> SendNudgesAsync(DigestWeek week, TimeZoneInfo zone, Random random)
    {
        var outbox = new OutboxStore(_file.Database, new SqliteGroupCommit(_file.Database));
        var feedback = new NudgeStore(_file.Database);
        var first = week.Before(1, zone).Start;
        var instants = Enumerable.Range(0, 150).Select(_ => first + TimeSpan.FromTicks((long)(random.NextDouble() * (week.End.AddDays(1) - first).Ticks))).ToList();
        foreach (var boundary in new[] { week.Start, week.End })
        {
            var hour = ActivityClock.HourOf(boundary);
            instants.AddRange([boundary, boundary.AddTicks(-1), hour, hour.AddHours(1).AddTicks(-1), hour.AddHours(1)]);
        }

        var sent = new List<SentNudge>();
        for (var i = 0; i < instants.Count; i++)
        {
            string[] rules = random.Next(4) == 0 ? ["missing-context", "vague-urgency"] : [Rules[random.Next(3)]];
            var nudge = new SentNudge(ChannelIds[random.Next(ChannelIds.Length)], $"U{random.Next(rules[0] == "vague-urgency" ? 4 : 60)}", rules, instants[i],
                random.Next(3) == 0, random.Next(3) == 0);
            var id = await InsertPendingAsync(i, nudge);
            var early = random.Next(2) == 0;
            if (early)
            {
                await AnswerAsync(feedback, id, nudge);
            }

            if (random.Next(10) == 0)
            {
                await outbox.EndAsync(id, "expired", "stale", null, nudge.SentAt, CancellationToken.None);
                continue;
            }

            await outbox.EndAsync(id, "sent", null, "ok", nudge.SentAt, CancellationToken.None);
            if (!early)
            {
                await AnswerAsync(feedback, id, nudge);
            }

            sent.Add(nudge);
        }

        return sent;
    }

    private static async Task AnswerAsync(NudgeStore feedback, long id, SentNudge nudge)
    {
        await feedback.AddFeedbackAsync(id, "snooze_today", nudge.Recipient, nudge.SentAt, CancellationToken.None);
        foreach (var (kind, given) in new[] { ("thanks", nudge.Thanks), ("not_helpful", nudge.NotHelpful) })
        {
            if (given)
            {
                Assert.That(await feedback.AddFeedbackAsync(id, kind, nudge.Recipient, nudge.SentAt, CancellationToken.None), Is.True);
                Assert.That(await feedback.AddFeedbackAsync(id, kind, nudge.Recipient, nudge.SentAt, CancellationToken.None), Is.False, "once per nudge and kind");
            }
        }
    }

    private async Task SendAsync(OutboxStore outbox, int i, string channel, string recipient, string[] rules, DateTimeOffset at) =>
        await outbox.EndAsync(await InsertPendingAsync(i, new SentNudge(channel, recipient, rules, at, false, false)), "sent", null, "ok", at, CancellationToken.None);

    /// <summary>A pending nudge row with its rules, as the nudging sink enqueues it.</summary>
    private async Task<long> InsertPendingAsync(int i, SentNudge nudge)
    {
        await using var connection = await _file.Database.OpenAsync(CancellationToken.None);
        var at = StoredInstant.Format(nudge.SentAt.AddMinutes(-1));
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO nudges (team_id, channel_id, message_ts, author_id, delivery, state, next_attempt_at, expires_at, day_start, created_at)
            VALUES (@Team, @Channel, @Ts, @Recipient, 'Ephemeral', 'pending', @At, @At, @At, @At) RETURNING id
            """, new PendingRow(Team, nudge.Channel, $"n{i}", nudge.Recipient, at));
        foreach (var rule in nudge.Rules)
        {
            await connection.ExecuteAsync("INSERT INTO nudge_rules (nudge_id, rule_id) VALUES (@Id, @Rule)", new NudgeRule(id, rule));
        }

        return id;
    }

    private sealed record PendingRow(string Team, string Channel, string Ts, string Recipient, string At);

    private sealed record NudgeRule(long Id, string Rule);

    // Random instants over the four weeks and a day either side, and findings right at, just before
    // and just after each week boundary and the UTC hours around it.
    private static List<Finding> RandomFindings(DigestWeek week, TimeZoneInfo zone, Random random)
    {
        var first = week.Before(DigestInput.TrendWeeks - 1, zone).Start.AddDays(-1);
        var span = week.End.AddDays(1) - first;
        var instants = Enumerable.Range(0, 700).Select(_ => first + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks))).ToList();
        foreach (var boundary in Enumerable.Range(0, DigestInput.TrendWeeks).Select(w => w == 0 ? week.Start : week.Before(w, zone).Start).Append(week.End))
        {
            var hour = ActivityClock.HourOf(boundary);
            foreach (var at in new[] { boundary, hour, hour.AddHours(1) })
            {
                instants.AddRange([at, at.AddTicks(-1), at.AddTicks(1)]);
            }
        }

        // Few authors for one rule, so the privacy floor folds it; many more than the cap for another.
        var findings = instants.Select((at, i) =>
        {
            var rule = Rules[random.Next(Rules.Length - 1)];
            return Finding(rule, ChannelIds[random.Next(ChannelIds.Length)], $"U{random.Next(rule == "custom-rule" ? 4 : 9)}", at, i);
        }).ToList();
        findings.AddRange(Enumerable.Range(0, 2 * Cap).Select(i =>
            Finding("busy-rule", ChannelIds[i % ChannelIds.Length], $"UB{i}", week.Start + TimeSpan.FromTicks((long)(random.NextDouble() * (week.End - week.Start).Ticks)), 10_000 + i)));
        return findings;
    }

    private static Finding Finding(string rule, string channel, string author, DateTimeOffset at, int i) =>
        new(rule, new TeamId(Team), new ChannelId(channel), new MessageTs($"{1_700_000_000 + i}.{i % 1_000_000:D6}"), null, new UserId(author), at, [], "");

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _file.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
