using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Pipeline;

/// <summary>
/// With a bot token, people and members come from the Slack Web API (here a fake Slack server on
/// 127.0.0.1), so after-hours and broadcast rules see real time zones and member counts.
/// </summary>
public sealed class LiveDirectoryTests
{
    private FakeSlackApi _slack = null!;
    private AsyncCoachFactory? _factory;
    private FindingProbe _findings = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _slack = await FakeSlackApi.StartAsync();
        _findings = new FindingProbe();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory.DeleteDatabase();
        }

        await _slack.DisposeAsync();
    }

    /// <summary>The service in live mode against the fake Slack, its clock at <paramref name="now"/>.</summary>
    private AsyncCoachFactory Live(DateTimeOffset now) =>
        _factory = new AsyncCoachFactory(startTime: now)
            .With("Slack:BotToken", "xoxb-test-token")
            .With("Slack:ApiBaseUrl", _slack.ApiBaseUrl.ToString())
            .WithServices(services =>
                services.AddScoped<IFindingSink>(sp => _findings.Wrap(new RecordingFindingSink(sp.GetRequiredService<IFindingStore>()))));

    private static FakeResponse User(string id, string? tz, bool isBot = false, bool deleted = false) =>
        FakeResponse.Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = id, ["tz"] = tz, ["is_bot"] = isBot, ["deleted"] = deleted } });

    private static FakeResponse Members(params string[] ids) =>
        FakeResponse.Ok(new JsonObject { ["members"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } });

    [Test]
    public async Task A_DM_at_22_05_in_the_recipients_zone_is_an_after_hours_ping_naming_their_local_time()
    {
        // Tuesday 2026-03-10 13:05 UTC is 22:05 in Tokyo.
        var factory = Live(new DateTimeOffset(2026, 3, 10, 13, 5, 0, TimeSpan.Zero));
        _slack.SetDefault("conversations.members", Members("U1", "U2"));
        _slack.SetDefault("users.info", User("U2", "Asia/Tokyo"));
        _client = factory.CreateRealClient();

        using var response = await _client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvLate",
            text: "could you send me the Q3 numbers by Friday?", channel: "D1", channelType: "im", user: "U1",
            ts: MessageTs.FromInstant(factory.Time.GetUtcNow()).Value)));
        var findings = await _findings.WaitForAsync(1);

        var finding = findings.Single();
        Assert.That(finding.RuleId, Is.EqualTo("after-hours-ping"));
        Assert.That(finding.OffHoursRecipients.Single().User.Value, Is.EqualTo("U2"));
        Assert.That(finding.OffHoursRecipients.Single().LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("22:05"));
        Assert.That(_slack.CallsTo("users.info").Select(c => c.Arg("user")), Does.Contain("U2"));
        Assert.That(_slack.CallsTo("users.info").Select(c => c.Header("Authorization")), Is.All.EqualTo("Bearer xoxb-test-token"));
    }

    [Test]
    public async Task The_same_DM_inside_working_hours_raises_nothing_and_people_are_looked_up_once()
    {
        // 2026-03-10 01:05 UTC is 10:05 in Tokyo.
        var factory = Live(new DateTimeOffset(2026, 3, 10, 1, 5, 0, TimeSpan.Zero));
        _slack.SetDefault("conversations.members", Members("U1", "U2"));
        _slack.SetDefault("users.info", User("U2", "Asia/Tokyo"));
        _client = factory.CreateRealClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent($"EvDay{i}",
                text: "could you send me the Q3 numbers by Friday?", channel: "D1", channelType: "im", user: "U1",
                ts: MessageTs.FromInstant(factory.Time.GetUtcNow().AddSeconds(i * 200)).Value)));
        }

        await factory.Processed.WaitForAsync(3);
        Assert.That(_findings.Findings, Is.Empty);
        Assert.That(_slack.CallsTo("users.info"), Has.Count.EqualTo(2), "author and recipient, each once; cached afterwards");
        Assert.That(_slack.CallsTo("conversations.members"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_broadcast_counts_only_human_active_members_toward_the_threshold()
    {
        var factory = Live(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));
        var members = Enumerable.Range(0, 25).Select(i => $"U{i:D3}").ToArray();
        _slack.SetDefault("conversations.members", Members(members));
        // 25 members of whom every one is a bot: nobody human is interrupted.
        _slack.SetDefault("users.info", User("UBOT", "Europe/London", isBot: true));
        _client = factory.CreateRealClient();

        using var response = await _client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvBroadcast",
            text: "<!channel> the build is green again", channel: "C9", user: "U000",
            ts: MessageTs.FromInstant(factory.Time.GetUtcNow()).Value)));
        await factory.Processed.WaitForAsync(1);

        Assert.That(_findings.Findings.Select(f => f.RuleId), Does.Not.Contain("broadcast-overuse"));
    }

    [Test]
    public async Task A_broadcast_to_25_people_is_overuse()
    {
        var factory = Live(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));
        var members = Enumerable.Range(0, 25).Select(i => $"U{i:D3}").ToArray();
        _slack.SetDefault("conversations.members", Members(members));
        _slack.SetDefault("users.info", User("UANY", "Europe/London"));
        _client = factory.CreateRealClient();

        using var response = await _client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvBroadcast2",
            text: "<!channel> the build is green again", channel: "C9", user: "U000",
            ts: MessageTs.FromInstant(factory.Time.GetUtcNow()).Value)));
        var findings = await _findings.WaitForAsync(1);

        Assert.That(findings.Select(f => f.RuleId), Does.Contain("broadcast-overuse"));
    }
}
