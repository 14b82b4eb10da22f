using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Installations;

/// <summary>Token rotation: a token near its expiry is refreshed once, stored, and then used by every call.</summary>
public sealed class TokenRotationTests
{
    private const string Team = "T9TK3CUKW";
    private const string OldToken = "xoxe.xoxb-1-old";
    private const string NewToken = "xoxe.xoxb-1-new";

    private static async Task<InstallHarness> InstalledAsync()
    {
        var harness = await InstallHarness.StartAsync();
        var answer = InstallHarness.DocsAnswer("success_with_token_rotation");
        answer["access_token"] = OldToken;
        answer["refresh_token"] = "xoxe-1-first";
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(answer));
        var state = Uri.EscapeDataString(await harness.StateAsync());
        Assert.That((await harness.CallbackAsync($"code=c1&state={state}")).Status, Is.EqualTo(200));

        // The refresh answers slowly, so that callers arriving meanwhile find it under way.
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(new JsonObject
        {
            ["access_token"] = NewToken, ["refresh_token"] = "xoxe-1-second", ["expires_in"] = 43200, ["token_type"] = "bot",
            ["team"] = new JsonObject { ["id"] = Team },
        }) with { Delay = TimeSpan.FromMilliseconds(300) });
        return harness;
    }

    private static IEnumerable<RecordedCall> Refreshes(FakeSlackApi slack) =>
        slack.CallsTo("oauth.v2.access").Where(c => c.Arg("grant_type") == "refresh_token");

    [Test]
    public async Task Concurrent_calls_near_expiry_share_one_refresh_and_all_use_the_new_token()
    {
        await using var harness = await InstalledAsync();
        var installedAt = harness.Factory.Time.GetUtcNow();
        harness.Factory.Time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(5));
        var slack = harness.Factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam(Team);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => slack.AuthTestAsync())));

        var refresh = Refreshes(harness.Slack).Single();
        Assert.That(refresh.Arg("refresh_token"), Is.EqualTo("xoxe-1-first"));
        Assert.That(refresh.Header("Authorization"), Does.StartWith("Basic "));
        Assert.That(harness.Slack.CallsTo("auth.test").Select(c => c.Header("Authorization")).ToList(), Has.Count.EqualTo(20).And.All.EqualTo("Bearer " + NewToken));
        var expires = await harness.QueryAsync<string>("SELECT token_expires_at FROM installations");
        Assert.That(DateTimeOffset.Parse(expires.Single(), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(installedAt + TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5)));

        await slack.AuthTestAsync();
        Assert.That(Refreshes(harness.Slack).Count(), Is.EqualTo(1), "a fresh token is not refreshed again");
    }

    [Test]
    public async Task A_token_expiring_during_a_burst_of_nudges_is_refreshed_once_and_every_later_call_uses_the_new_one()
    {
        await using var harness = await InstalledAsync();
        await PostBurstAsync(harness, "EvBefore", 4);
        await harness.Slack.WaitForCallAsync("chat.postEphemeral", count: 4);
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral").Select(c => c.Header("Authorization")), Is.All.EqualTo("Bearer " + OldToken));
        var before = harness.Slack.Calls.Count;

        harness.Factory.Time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(5));
        await PostBurstAsync(harness, "EvAfter", 6);
        await harness.Slack.WaitForCallAsync("chat.postEphemeral", count: 10);

        Assert.That(Refreshes(harness.Slack).Count(), Is.EqualTo(1));
        var later = harness.Slack.Calls.Skip(before).Where(c => c.Method != "oauth.v2.access").ToList();
        Assert.That(later.Count(c => c.Method == "chat.postEphemeral"), Is.EqualTo(6));
        Assert.That(later.Select(c => c.Header("Authorization")), Is.All.EqualTo("Bearer " + NewToken));
    }

    /// <summary>Urgent messages from different people in different channels: one nudge each.</summary>
    private static async Task PostBurstAsync(InstallHarness harness, string prefix, int count)
    {
        var ts = MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value;
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var body = Payloads.MessageEvent($"{prefix}{i}", text: "can you send me the Q3 numbers asap", channel: $"C0{prefix}{i}",
                user: $"U0{prefix}{i}", ts: ts, team: Team);
            using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }));
    }
}
