using System.Diagnostics;
using System.Globalization;
using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Workspace;

/// <summary>
/// Lookups run ahead of processing, per workspace: with a Slack that answers in 80 ms, a busy
/// workspace's lookups (or its 429) do not hold up another workspace's events, and each
/// conversation keeps its order. Real HTTP both ways (service on Kestrel, fake Slack on loopback).
/// </summary>
public sealed class LookAheadTests
{
    private const string TeamA = "T0TEAMAAA";
    private const string TeamB = "T0TEAMBBB";
    private const string Hop = "can we hop on a call about the rollout?";
    private const string TokenA = "xoxb-team-a";
    private const string TokenB = "xoxb-team-b";

    /// <summary>Tuesday 10:00 UTC: everyone (Europe/London) is inside working hours.</summary>
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private FakeSlackApi _slack = null!;
    private AsyncCoachFactory? _factory;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp() => _slack = await FakeSlackApi.StartAsync();

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

    /// <summary>The service with both workspaces installed, each with its own token (the configured token serves a third).</summary>
    private async Task<AsyncCoachFactory> LiveAsync()
    {
        _slack.TeamId = "T0CONFIG1";
        _factory = new AsyncCoachFactory(startTime: Tuesday)
            .With("Slack:BotToken", "xoxb-configured")
            .With("Slack:ApiBaseUrl", _slack.ApiBaseUrl.ToString());
        _client = _factory.CreateRealClient();
        var services = _factory.Services;
        await services.GetRequiredService<DatabaseReadiness>().WaitForMigrationAsync(CancellationToken.None);
        var protector = services.GetRequiredService<ITokenProtector>();
        var store = services.GetRequiredService<IInstallationStore>();
        foreach (var (team, token) in new[] { (TeamA, TokenA), (TeamB, TokenB) })
        {
            await store.SaveAsync(
                new Installation(team, true, null, Installation.FromOAuth, ProtectedBotToken: protector.Protect(token)), Tuesday, CancellationToken.None);
        }

        return _factory;
    }

    private static bool From(RecordedCall call, string token) => call.Header("Authorization") == "Bearer " + token;

    private async Task PostAsync(string team, string eventId, string channel, string user, string text, int offsetMs, string channelType = "channel")
    {
        var ts = MessageTs.FromInstant(Tuesday.AddMilliseconds(offsetMs)).Value;
        using var response = await _client.SendAsync(_factory!.SignedRequest("/slack/events",
            Payloads.MessageEvent(eventId, text: text, channel: channel, user: user, ts: ts, channelType: channelType, team: team)));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    private static bool NudgeIn(RecordedCall call, string channel) => call.Method == "chat.postEphemeral" && call.Arg("channel") == channel;

    [Test]
    public async Task Six_hundred_messages_from_new_people_over_two_workspaces_are_processed_within_60_s_and_the_second_is_nudged_within_10_s()
    {
        // Per workspace: 300 authors, 270 of them listed by users.list and 30 who joined since
        // (users.info each); every tenth message is a DM (conversations.members).
        _slack.Latency = TimeSpan.FromMilliseconds(80);
        var listedA = Enumerable.Range(0, 270).Select(i => $"UA{i:D5}").ToList();
        var listedB = Enumerable.Range(0, 270).Select(i => $"UB{i:D5}").ToList();
        _slack.Responder = call => call.Method switch
        {
            "users.list" => SlackPeople.ListPage(From(call, TokenA) ? listedA : From(call, TokenB) ? listedB : [], call),
            "users.info" => SlackPeople.Info(call),
            "conversations.members" => SlackPeople.Members(call.Arg("channel")!.Replace('D', 'U'), From(call, TokenA) ? "UA00001" : "UB00001"),
            _ => null,
        };
        var factory = await LiveAsync();

        var clock = Stopwatch.StartNew();
        TimeSpan secondTeamPosted = default;
        foreach (var (team, prefix) in new[] { (TeamA, "A"), (TeamB, "B") })
        {
            if (team == TeamB)
            {
                secondTeamPosted = clock.Elapsed;
            }

            for (var i = 0; i < 300; i++)
            {
                var user = $"U{prefix}{i:D5}";
                var dm = i % 10 == 0;
                await PostAsync(team, $"Ev{prefix}{i}", dm ? $"D{prefix}{i:D5}" : $"C{prefix}{i:D5}", user, Hop, i, dm ? "im" : "channel");
            }
        }

        var firstNudgeB = await _slack.WaitForCallAsync(c => NudgeIn(c, "DB00000"), TimeSpan.FromSeconds(60));
        var nudgedB = clock.Elapsed;
        await factory.Processed.WaitForAsync(600, TimeSpan.FromSeconds(60));
        var allProcessed = clock.Elapsed;

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"600 processed {allProcessed.TotalSeconds:F1} s after the first post; team B's first nudge {(nudgedB - secondTeamPosted).TotalSeconds:F2} s after its first post"));
        Assert.That(allProcessed, Is.LessThan(TimeSpan.FromSeconds(60)));
        Assert.That(nudgedB - secondTeamPosted, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(firstNudgeB.Arg("user"), Is.EqualTo("UB00000"));
        // People came from users.list; only those not listed were asked for one by one.
        Assert.That(_slack.CallsTo("users.info").Select(c => c.Arg("user")).Distinct().Count(), Is.LessThanOrEqualTo(60));
        Assert.That(_slack.CallsTo("conversations.members"), Has.Count.EqualTo(60));
        // Every lookup carried its own workspace's token.
        Assert.That(_slack.Calls.Where(c => c.Arg("user") is ['U', 'A', ..] || c.Arg("channel") is [_, 'A', ..]).All(c => From(c, TokenA)), Is.True);
        Assert.That(_slack.Calls.Where(c => c.Arg("user") is ['U', 'B', ..] || c.Arg("channel") is [_, 'B', ..]).All(c => From(c, TokenB)), Is.True);
    }

    [Test]
    public async Task A_429_on_one_workspace_does_not_delay_the_other_and_the_conversation_behind_it_keeps_its_order()
    {
        // Nobody is listed: every author is asked for with users.info; team A's first answer is a 429.
        var limited = 0;
        _slack.Responder = call => call.Method == "users.info" && From(call, TokenA)
            && Interlocked.Increment(ref limited) == 1 ? FakeResponse.RateLimited(retryAfterSeconds: 30) : null;
        var factory = await LiveAsync();

        await PostAsync(TeamA, "EvA1", "CA1", "UA1", Hop, 0);
        await _slack.WaitForCallAsync(c => c.Method == "users.info" && c.Arg("user") == "UA1");
        await PostAsync(TeamA, "EvA2", "CA1", "UA2", "thanks, that works", 1);
        await PostAsync(TeamB, "EvB1", "CB1", "UB1", Hop, 2);

        // Team B's message is processed and nudged while team A waits out its Retry-After (the fake clock stands still).
        await _slack.WaitForCallAsync(c => NudgeIn(c, "CB1"));
        var processed = await ProcessedEventIdsAsync(factory);
        Assert.That(processed, Is.EqualTo(new[] { "EvB1" }));

        factory.Time.Advance(TimeSpan.FromSeconds(31));
        await _slack.WaitForCallAsync(c => NudgeIn(c, "CA1"));
        await factory.Processed.WaitForAsync(3);
        Assert.That(await ProcessedEventIdsAsync(factory), Is.EqualTo(new[] { "EvB1", "EvA1", "EvA2" }));
    }

    private static async Task<IReadOnlyList<string>> ProcessedEventIdsAsync(AsyncCoachFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT event_id FROM inbox ORDER BY id")).AsList();
    }
}
