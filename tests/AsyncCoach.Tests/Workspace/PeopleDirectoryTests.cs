using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncCoach.Tests.Workspace;

/// <summary>
/// The live directory's people: listed in bulk, kept current from <c>user_change</c>/<c>team_join</c>,
/// bounded in memory, and never waited for past <c>Workspace:MaxLookupWait</c>.
/// </summary>
public sealed class PeopleDirectoryTests
{
    private const string Team = "T0001";

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

    private AsyncCoachFactory Live(DateTimeOffset now, params (string Key, string Value)[] settings)
    {
        _factory = new AsyncCoachFactory(startTime: now)
            .With("Slack:BotToken", "xoxb-test-token")
            .With("Slack:ApiBaseUrl", _slack.ApiBaseUrl.ToString())
            .WithServices(services =>
                services.AddScoped<IFindingSink>(sp => _findings.Wrap(new RecordingFindingSink(sp.GetRequiredService<IFindingStore>()))));
        foreach (var (key, value) in settings)
        {
            _factory.With(key, value);
        }

        _client = _factory.CreateRealClient();
        return _factory;
    }

    private async Task PostAsync(string body)
    {
        using var response = await _client.SendAsync(_factory!.SignedRequest("/slack/events", body));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    /// <summary>The reference example of <paramref name="fixture"/> as the inner event of a delivery.</summary>
    private static string Delivery(string fixture, string eventId)
    {
        var example = JsonNode.Parse(Payloads.Fixture(fixture))!["example"]!.DeepClone();
        return new JsonObject
        {
            ["team_id"] = Team,
            ["api_app_id"] = "A0001",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1760000000,
            ["event"] = example,
        }.ToJsonString();
    }

    [Test]
    public async Task A_user_change_gives_the_persons_time_zone_so_a_late_DM_is_judged_without_asking_users_info()
    {
        // Tuesday 2026-01-13 22:05 in Los Angeles (PST) is 06:05 UTC on the Wednesday.
        var factory = Live(new DateTimeOffset(2026, 1, 14, 6, 5, 0, TimeSpan.Zero));
        _slack.SetDefault("conversations.members", SlackPeople.Members("U0AUTHOR1", "U1234567"));

        await PostAsync(Delivery("events/slack-api-ref/user_change.json", "EvUserChange"));
        await factory.Processed.WaitForAsync(1);
        await PostAsync(Payloads.MessageEvent("EvLateDm", text: "could you send me the Q3 numbers by Friday?", channel: "D0LATE001",
            channelType: "im", user: "U0AUTHOR1", ts: MessageTs.FromInstant(factory.Time.GetUtcNow()).Value, team: Team));
        var findings = await _findings.WaitForAsync(1);

        var late = findings.Single(f => f.RuleId == "after-hours-ping");
        Assert.That(late.OffHoursRecipients.Single().User.Value, Is.EqualTo("U1234567"));
        Assert.That(_slack.CallsTo("users.info").Select(c => c.Arg("user")), Does.Not.Contain("U1234567"));
    }

    [Test]
    public async Task A_team_join_without_a_user_object_is_processed_and_changes_nobody()
    {
        var factory = Live(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));

        await PostAsync(Delivery("events/slack-api-ref/team_join.json", "EvTeamJoin"));
        var outcomes = await factory.Processed.WaitForAsync(1);

        Assert.That(outcomes.Single().Error, Is.Null);
        Assert.That(factory.Services.GetRequiredService<SlackWorkspaceDirectory>().KnownPerson(new TeamId(Team), new UserId("U1234567")), Is.Null);
    }

    [Test]
    public async Task Listing_a_100000_member_workspace_keeps_no_more_people_than_the_limit()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => $"U{i:D7}").ToList();
        _slack.TeamId = Team;
        _slack.Responder = call => call.Method == "users.list" ? SlackPeople.ListPage(ids, call) : null;
        var factory = Live(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero),
            ("Workspace:MaxPeople", "5000"), ("Workspace:UsersListPageSize", "1000"), ("Workspace:Tier2PerMinute", "1000"));
        var directory = factory.Services.GetRequiredService<SlackWorkspaceDirectory>();

        await directory.WarmAsync(new TeamId(Team)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(_slack.CallsTo("users.list"), Has.Count.EqualTo(100), "every page was read");
        Assert.That(directory.PeopleCount, Is.InRange(1, 5000));
    }

    [Test]
    public async Task A_listing_whose_token_cannot_be_read_ends_quietly_and_a_later_listing_reads_everyone()
    {
        FaultyInstallationStore registry = null!;
        _slack.TeamId = Team;
        _slack.Responder = call => call.Method == "users.list" ? SlackPeople.ListPage(["U0000001", "U0000002"], call) : null;
        _factory = new AsyncCoachFactory(startTime: new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero))
            .With("Slack:BotToken", "xoxb-test-token")
            .With("Slack:ApiBaseUrl", _slack.ApiBaseUrl.ToString())
            .WithServices(services =>
            {
                var type = services.Last(d => d.ServiceType == typeof(IInstallationStore)).ImplementationType!;
                services.AddSingleton(type);
                services.AddSingleton<IInstallationStore>(sp => registry = new FaultyInstallationStore((IInstallationStore)sp.GetRequiredService(type)));
            });
        _client = _factory.CreateRealClient();
        var directory = _factory.Services.GetRequiredService<SlackWorkspaceDirectory>();
        var warmup = _factory.Services.GetServices<IHostedService>().OfType<WorkspaceWarmup>().Single();
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(15));
        await directory.WarmAsync(new TeamId(Team)).WaitAsync(TimeSpan.FromSeconds(15));
        var listedAtStart = _slack.CallsTo("users.list").Count;

        // The database under the token look-up fails once: the listing is not made, and it ends
        // (no faulted task left behind for the next caller to trip over).
        registry.Get.Arm(times: 1);
        await directory.RewarmAsync(new TeamId(Team)).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.That(registry.Get.Thrown, Is.EqualTo(1));
        Assert.That(_slack.CallsTo("users.list"), Has.Count.EqualTo(listedAtStart), "no users.list without a token");

        await directory.RewarmAsync(new TeamId(Team)).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.That(_slack.CallsTo("users.list"), Has.Count.EqualTo(listedAtStart + 1));
        Assert.That(directory.KnownPerson(new TeamId(Team), new UserId("U0000002")), Is.Not.Null);
    }

    [Test]
    public async Task A_lookup_that_does_not_answer_holds_its_message_back_only_until_the_longest_wait()
    {
        var factory = Live(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), ("Workspace:MaxLookupWait", "00:00:05"));
        _slack.SetDefault("users.info", FakeResponse.Hanging());

        await PostAsync(Payloads.MessageEvent("EvSlow", text: "can we hop on a call?", user: "U0SLOW001",
            ts: MessageTs.FromInstant(factory.Time.GetUtcNow()).Value, team: Team));
        await _slack.WaitForCallAsync("users.info");
        Assert.That(_findings.Findings, Is.Empty, "still waiting for its lookup");

        factory.Time.Advance(TimeSpan.FromSeconds(6));
        var outcomes = await factory.Processed.WaitForAsync(1);

        // Judged without the author's time zone (no finding needs it here), while the lookup still hangs.
        Assert.That(outcomes.Single().Error, Is.Null);
        Assert.That(_findings.Findings.Select(f => f.RuleId), Does.Contain("huddle-instead-of-thread"));
        Assert.That(_slack.CallsTo("users.info"), Has.Count.EqualTo(1));
    }
}
