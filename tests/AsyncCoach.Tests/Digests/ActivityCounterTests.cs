using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// The hourly activity counters end to end: signed message events over HTTP through the real
/// inbox and pipeline into <c>activity_counters</c>, after-hours judged in each recipient's own
/// zone on the fake clock, and a lead's preview showing the counted figures.
/// </summary>
public sealed class ActivityCounterTests
{
    private const string Team = "T0001";

    // Tuesday 10 March 2026, 13:05 UTC: 22:05 in Tokyo, 13:05 in Lisbon.
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 13, 5, 0, TimeSpan.Zero);

    private CommandHarness _harness = null!;
    private int _events;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await CommandHarness.StartAsync(now: Tuesday);
        _harness.Directory.Add("UAUTHOR", "Europe/Lisbon").Add("UTOKYO", "Asia/Tokyo").Add("ULISBON", "Europe/Lisbon");
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task Messages_are_counted_per_hour_and_channel_kind_and_after_hours_by_each_recipients_zone()
    {
        await PostAsync("C0PUB", "channel", "UAUTHOR", "<@UTOKYO> could you check the Q3 numbers by Friday?");
        await PostAsync("G0PRIV", "group", "UAUTHOR", "<@ULISBON> could you check the Q3 numbers by Friday?");
        await PostAsync("G0MPIM", "mpim", "UAUTHOR", "<@UTOKYO> could you check the Q3 numbers by Friday?");
        await PostAsync("D0IM", "im", "UAUTHOR", "<@ULISBON> could you check the Q3 numbers by Friday?");
        // 23:10 UTC: now Lisbon is outside its hours too.
        _harness.Factory.Time.SetUtcNow(Tuesday.Date.AddHours(23).AddMinutes(10));
        var late = await PostAsync("C0PUB", "channel", "UAUTHOR", "<@ULISBON> could you check the Q3 numbers by Friday?");
        await _harness.Factory.Processed.WaitForAsync(5);

        // Slack retries the last event: still counted once. (Another team's event after it marks
        // when the retry has been through the inbox, which keeps arrival order.)
        await SendAsync(late);
        await SendAsync(Payloads.MessageEvent("EvOtherTeam", text: "hello", channel: "C0PUB", user: "UAUTHOR",
            ts: MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow()).Value, team: "T0OTHER"));
        await _harness.Factory.Processed.WaitForAsync(6);

        var rows = await QueryAsync<CounterRow>("SELECT team_id AS TeamId, hour AS Hour, kind AS Kind, messages AS Messages, after_hours AS AfterHours FROM activity_counters WHERE team_id = 'T0001' ORDER BY hour, kind");
        Assert.That(rows, Is.EqualTo(new[]
        {
            new CounterRow(Team, "2026-03-10T13:00:00.0000000Z", "im", 1, 0),
            new CounterRow(Team, "2026-03-10T13:00:00.0000000Z", "mpim", 1, 1),
            new CounterRow(Team, "2026-03-10T13:00:00.0000000Z", "private", 1, 0),
            new CounterRow(Team, "2026-03-10T13:00:00.0000000Z", "public", 1, 1),
            new CounterRow(Team, "2026-03-10T23:00:00.0000000Z", "public", 1, 1),
        }));
        Assert.That(await QueryAsync<string>("SELECT author_id FROM activity_people GROUP BY author_id"), Is.EqualTo(new[] { "UAUTHOR" }));
    }

    [Test]
    public async Task The_counters_table_has_no_column_that_could_name_a_person()
    {
        await PostAsync("C0PUB", "channel", "UAUTHOR", "<@UTOKYO> could you check the Q3 numbers by Friday?");
        await _harness.Factory.Processed.WaitForAsync(1);

        var columns = await QueryAsync<string>("SELECT name FROM pragma_table_info('activity_counters') ORDER BY cid");
        var texts = await QueryAsync<string>("SELECT team_id || '|' || hour || '|' || kind FROM activity_counters");

        Assert.That(columns, Is.EqualTo(new[] { "team_id", "hour", "kind", "messages", "after_hours" }));
        Assert.That(texts, Has.Count.EqualTo(1));
        Assert.That(texts, Has.None.Contain("UAUTHOR").And.None.Contain("UTOKYO"));
    }

    [Test]
    public async Task A_leads_preview_shows_the_counted_after_hours_share_slot_and_people_reached()
    {
        // Tuesday 21:xx in Lisbon (UTC+0 in March): outside everyone's hours here.
        _harness.Directory.Add("ULEAD", "Europe/Lisbon").Add("UB", "Europe/Lisbon").Add("UC", "Europe/Lisbon");
        var norms = _harness.Factory.Services.GetRequiredService<INormsStore>();
        await norms.SetAsync(Team, "leads", new JsonArray("ULEAD"), "test", CancellationToken.None);
        await norms.SetAsync(Team, "digest_min_group", JsonValue.Create(3), "test", CancellationToken.None);
        var evening = Tuesday.Date.AddHours(21);
        for (var i = 1; i <= 3; i++)
        {
            _harness.Factory.Time.SetUtcNow(evening.AddMinutes(i * 5));
            await PostAsync("C0PUB", "channel", $"UA{i}", "<@UB> could you check the Q3 numbers by Friday?");
        }

        _harness.Factory.Time.SetUtcNow(evening.AddMinutes(30));
        await PostAsync("C0PUB", "channel", "UA4", "thanks, that is all I needed for the planning doc today");
        _harness.Factory.Time.SetUtcNow(evening.AddMinutes(40));
        await PostAsync("C0PUB", "channel", "ULEAD", "<@UB> <@UC> can you review PR 42 tomorrow?");
        await _harness.Factory.Processed.WaitForAsync(5);

        var reply = await _harness.SendAsync("digest preview", "ULEAD", Team);

        var text = reply.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.That(text, Does.Contain("80% of 5 messages reached someone outside their working hours."));
        Assert.That(text, Does.Contain("Most often: Tue evening (4)."));
        Assert.That(text, Does.Contain("After-hours pings: 1 (last week 0), reaching 2 people outside their hours."));
    }

    [Test]
    public async Task Counters_are_kept_for_CounterDays_and_who_wrote_when_only_as_long_as_findings()
    {
        await PostAsync("C0PUB", "channel", "UAUTHOR", "<@UTOKYO> could you check the Q3 numbers by Friday?");
        await _harness.Factory.Processed.WaitForAsync(1);
        var retention = _harness.Factory.Services.GetRequiredService<RetentionPass>();
        async Task<long[]> CountsAsync() =>
        [
            .. await QueryAsync<long>("SELECT (SELECT count(*) FROM activity_counters) UNION ALL SELECT (SELECT count(*) FROM activity_people)"),
        ];

        // Findings (and who wrote when) go after 180 days of their hour; the counters stay.
        _harness.Factory.Time.SetUtcNow(Tuesday.AddDays(180));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 1, 0 }));

        // An hour's counters go once the whole hour (13:00 to 14:00) is older than 730 days.
        _harness.Factory.Time.SetUtcNow(Tuesday.AddDays(730).AddMinutes(54));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 1, 0 }));

        _harness.Factory.Time.SetUtcNow(Tuesday.AddDays(730).AddMinutes(55));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo(new long[] { 0, 0 }));
    }

    [Test]
    public async Task A_team_that_left_loses_its_counters_with_the_rest_of_its_data()
    {
        await PostAsync("C0PUB", "channel", "UAUTHOR", "<@UTOKYO> could you check the Q3 numbers by Friday?");
        await _harness.Factory.Processed.WaitForAsync(1);

        await _harness.Factory.Services.GetRequiredService<RetentionPass>().PurgeTeamAsync(Team, CancellationToken.None);

        Assert.That(await QueryAsync<long>("SELECT (SELECT count(*) FROM activity_counters) + (SELECT count(*) FROM activity_people)"), Is.EqualTo(new long[] { 0 }));
    }

    private async Task<string> PostAsync(string channel, string channelType, string user, string text)
    {
        var body = Payloads.MessageEvent($"EvCount{++_events}", text: text, channel: channel, channelType: channelType, user: user,
            ts: MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow()).Value, team: Team);
        await SendAsync(body);
        return body;
    }

    private async Task SendAsync(string body)
    {
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/events", body));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_harness.Factory.DatabasePath}");
        await connection.OpenAsync();
        return Dapper.SqlMapper.AsList(await Dapper.SqlMapper.QueryAsync<T>(connection, sql));
    }

    private sealed record CounterRow(string TeamId, string Hour, string Kind, long Messages, long AfterHours);
}
