using System.Text.Json;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Digests;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// The live digest reads findings per rule and week from aggregates kept on every insert (migration
/// 0022) instead of recounting findings. These tests hold the aggregated digest to a recount of the
/// same findings, for random findings across daylight-saving weeks, 30/45-minute zones and narrowed
/// channels, and the migration's backfill to the same numbers.
/// </summary>
public sealed class DigestAggregateTests
{
    private const string Team = "T0AGG";
    private const string Lead = "ULEAD";
    private static readonly string[] Rules = ["vague-urgency", "after-hours-ping", "missing-context", "custom-rule"];
    private static readonly string[] ChannelIds = ["C1", "C2", "C3", "C4"];
    private static readonly IReadOnlyList<string>?[] Narrowings = [null, ["C1"], ["C2", "C4"]];

    // Weeks whose four-week trend crosses a clock change: Europe and Sydney in spring 2026 (29 March,
    // 5 April), Europe and the US in autumn (25 October, 1 November); Kolkata (+05:30) and Kathmandu
    // (+05:45) put every week boundary inside a UTC hour.
    private static IEnumerable<TestCaseData> Weeks() =>
        from zone in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "UTC" }
        from monday in new[] { new DateOnly(2026, 4, 6), new DateOnly(2026, 11, 2) }
        select new TestCaseData(zone, monday).SetName($"Aggregated_digest_equals_a_recount({zone}, {monday:yyyy-MM-dd})");

    private TempSqliteFile _file = null!;

    [SetUp]
    public void SetUp() => _file = new TempSqliteFile("digest-aggregate");

    [TearDown]
    public void TearDown() => _file.Dispose();

    [TestCaseSource(nameof(Weeks))]
    public async Task Aggregated_digest_equals_a_recount(string zoneId, DateOnly monday)
    {
        _file.Migrate();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var week = DigestWeek.Starting(monday, zone);
        var findings = RandomFindings(week, zone, new Random(monday.DayNumber ^ zoneId.Length));
        var store = new FindingStore(_file.Database, new FakeTimeProvider(week.End));
        Assert.That(await store.AddAsync(findings, CancellationToken.None), Is.EqualTo(findings.Count));
        // A reprocessed round inserts nothing, so it must count nothing either.
        Assert.That(await store.AddAsync(findings.Take(50).ToList(), CancellationToken.None), Is.Zero);

        await AssertEqualsRecountAsync(findings, week, zone);
    }

    [Test]
    public async Task The_migration_backfills_the_aggregates_from_findings_already_recorded()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var week = DigestWeek.Starting(new DateOnly(2026, 4, 6), zone);
        var findings = RandomFindings(week, zone, new Random(7));
        var names = DatabaseMigrator.ScriptNames();
        var before = names.TakeWhile(n => string.CompareOrdinal(n, DatabaseMigrator.ScriptPrefix + "0022") < 0).ToList();
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, """
                CREATE TABLE [schema_version] (
                    SchemaVersionID INTEGER CONSTRAINT [PK_schema_version_Id] PRIMARY KEY AUTOINCREMENT NOT NULL,
                    ScriptName TEXT NOT NULL,
                    Applied DATETIME NOT NULL)
                """);
            foreach (var name in before)
            {
                using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(name)!;
                Execute(connection, new StreamReader(stream).ReadToEnd());
                Execute(connection, $"INSERT INTO schema_version (ScriptName, Applied) VALUES ('{name}', '2026-11-20 09:00:00.0000000')");
            }

            // As the store wrote them before 0022.
            foreach (var f in findings)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
                    VALUES ($team, $channel, $ts, $rule, $author, $at, '[]', '[]', $at)
                    """;
                insert.Parameters.AddWithValue("$team", f.Team.Value);
                insert.Parameters.AddWithValue("$channel", f.Channel.Value);
                insert.Parameters.AddWithValue("$ts", f.Ts.Value);
                insert.Parameters.AddWithValue("$rule", f.RuleId);
                insert.Parameters.AddWithValue("$author", f.Author.Value);
                insert.Parameters.AddWithValue("$at", StoredInstant.Format(f.At));
                insert.ExecuteNonQuery();
            }
        }

        SqliteConnection.ClearAllPools();
        _file.Migrate();

        await AssertEqualsRecountAsync(findings, week, zone);
    }

    [Test]
    public async Task Retention_deletes_the_aggregates_of_hours_and_days_older_than_the_period()
    {
        _file.Migrate();
        var now = new DateTimeOffset(2026, 4, 13, 0, 0, 0, TimeSpan.Zero);
        var old = Finding("vague-urgency", "C1", "U1", now.AddDays(-40), 1);
        var recent = Finding("vague-urgency", "C1", "U2", now.AddDays(-2), 2);
        await new FindingStore(_file.Database, new FakeTimeProvider(now)).AddAsync([old, recent], CancellationToken.None);

        await new TeamDataStore(_file.Database).DeleteOldAsync(now.AddDays(-30), new Dictionary<string, DateTimeOffset>(), now, now, CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM finding_counts"), Is.EqualTo(2), "the recent finding's team and channel rows");
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM finding_people WHERE author_id = 'U1'"), Is.Zero);
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM finding_people WHERE author_id = 'U2'"), Is.EqualTo(2));
    }

    private async Task AssertEqualsRecountAsync(IReadOnlyList<Finding> findings, DigestWeek week, TimeZoneInfo zone)
    {
        var norms = new NormsStore(_file.Database, new PhraseFeedbackStore(_file.Database), new FakeTimeProvider(week.End));
        var composer = new DigestComposer(new DigestStore(_file.Database), new ActivityStore(_file.Database), norms);
        var starts = Enumerable.Range(0, DigestInput.TrendWeeks).Select(w => w == 0 ? week.Start : week.Before(w, zone).Start).ToList();
        foreach (var channels in Narrowings)
        {
            var setting = DigestSetting.Default(Team, Lead, starts[^1]) with { Channels = channels };
            var input = await composer.InputAsync(setting, zone, week, late: false, CancellationToken.None);
            var recount = Recount(findings, starts, week.End, channels);
            var label = channels is null ? "all channels" : string.Join(",", channels);

            Assert.That(Sorted(input.Findings), Is.EqualTo(Sorted(recount.Select(r => r.WeeksAgo == 0 ? r : r with { People = 0 }))), label);
            Assert.That(Render(input with { Findings = recount }), Is.EqualTo(Render(input)), label + ": the digest as sent");
        }
    }

    /// <summary>What the digest counted before the aggregates: findings per rule and week, distinct authors per rule and week.</summary>
    private static List<RuleWeek> Recount(IReadOnlyList<Finding> findings, IReadOnlyList<DateTimeOffset> starts, DateTimeOffset end, IReadOnlyList<string>? channels) =>
        [.. findings
            .Where(f => channels is null || channels.Contains(f.Channel.Value))
            .Select(f => (f, w: Enumerable.Range(0, starts.Count).FirstOrDefault(w => f.At >= starts[w] && f.At < (w == 0 ? end : starts[w - 1]), -1)))
            .Where(x => x.w >= 0)
            .GroupBy(x => (x.f.RuleId, x.w))
            .Select(g => new RuleWeek(g.Key.RuleId, g.Key.w, g.Count(), g.Select(x => x.f.Author.Value).Distinct().Count()))];

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

    // Random instants over the four weeks and a day either side, and findings right at, just before
    // and just after each week boundary and the UTC hours and days around it.
    private static List<Finding> RandomFindings(DigestWeek week, TimeZoneInfo zone, Random random)
    {
        var first = week.Before(DigestInput.TrendWeeks - 1, zone).Start.AddDays(-1);
        var span = week.End.AddDays(1) - first;
        var instants = Enumerable.Range(0, 700).Select(_ => first + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks))).ToList();
        foreach (var boundary in Enumerable.Range(0, DigestInput.TrendWeeks).Select(w => w == 0 ? week.Start : week.Before(w, zone).Start).Append(week.End))
        {
            var hour = new DateTimeOffset(boundary.UtcTicks - (boundary.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            var day = new DateTimeOffset(boundary.UtcTicks - (boundary.UtcTicks % TimeSpan.TicksPerDay), TimeSpan.Zero);
            foreach (var at in new[] { boundary, hour, hour.AddHours(1), day, day.AddDays(1) })
            {
                instants.AddRange([at, at.AddTicks(-1), at.AddTicks(1)]);
            }
        }

        // Few authors for some rules, so the privacy floor folds some rules and shows others.
        return [.. instants.Select((at, i) =>
        {
            var rule = Rules[random.Next(Rules.Length)];
            var authors = rule == "custom-rule" ? 4 : 9;
            return Finding(rule, ChannelIds[random.Next(ChannelIds.Length)], $"U{random.Next(authors)}", at, i);
        })];
    }

    private static Finding Finding(string rule, string channel, string author, DateTimeOffset at, int i) =>
        new(rule, new TeamId(Team), new ChannelId(channel), new MessageTs($"{1_700_000_000 + i}.{i % 1_000_000:D6}"), null, new UserId(author), at, [], "");

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
