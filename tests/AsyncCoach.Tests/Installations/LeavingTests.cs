using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Installations;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Installations;

/// <summary>A team that uninstalls: work stops at once, data goes after the retention period, a reinstall within it keeps it.</summary>
public sealed class LeavingTests
{
    private const string Team = "T0LEAVER";

    private static async Task<InstallHarness> InstalledWithANudgeAsync(string? uninstalledTeamDays = null)
    {
        var harness = await InstallHarness.StartAsync(f =>
        {
            if (uninstalledTeamDays is not null)
            {
                f.With("Retention:UninstalledTeamDays", uninstalledTeamDays);
            }
        });
        await harness.InstallAsync(InstallHarness.AnswerFor(Team, "xoxb-leaver"));
        await harness.Factory.Services.GetRequiredService<INormsStore>()
            .SetAsync(Team, "nudge_mode", JsonValue.Create("dm"), "U0LEAD", CancellationToken.None);
        await PostAsync(harness, "EvNudged", Message("EvNudged", harness));
        await harness.Attempts.WaitForAsync(1);
        return harness;
    }

    private static string Message(string eventId, InstallHarness harness, string channel = "C0CHAN001", string user = "U0AUTHOR1") =>
        Payloads.MessageEvent(eventId, text: "can you send me the Q3 numbers asap", channel: channel, user: user,
            ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: Team);

    private static string Uninstalled(string eventId) =>
        new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = Team, ["api_app_id"] = "A0KRD7HC3", ["event_id"] = eventId, ["event_time"] = 1700000000,
            ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
        }.ToJsonString();

    private static async Task PostAsync(InstallHarness harness, string eventId, string body)
    {
        using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), eventId);
    }

    private static async Task<long> CountAsync(InstallHarness harness, string table) =>
        (await harness.QueryAsync<long>($"SELECT count(*) FROM {table} WHERE team_id = '{Team}'")).Single();

    [Test]
    public async Task App_uninstalled_stops_every_call_for_the_team_at_once_and_ends_its_pending_nudges()
    {
        await using var harness = await InstalledWithANudgeAsync();
        // Slack rate-limits the next nudge for longer than is waited in-process: it stays pending.
        harness.Slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(retryAfterSeconds: 600));
        await PostAsync(harness, "EvPending", Message("EvPending", harness, channel: "C0CHAN002", user: "U0AUTHOR2"));
        await harness.Attempts.WaitForAsync(2);
        Assert.That(await harness.QueryAsync<string>("SELECT state FROM nudges ORDER BY id"), Is.EqualTo(new[] { "sent", "pending" }));
        var calls = harness.Slack.Calls.Count;

        await PostAsync(harness, "EvGone", Uninstalled("EvGone"));
        await harness.Factory.Processed.WaitForAsync(3);

        Assert.That(await harness.QueryAsync<(string, string?)>("SELECT state, end_reason FROM nudges ORDER BY id"),
            Is.EqualTo(new[] { ("sent", (string?)null), ("failed", "app_uninstalled") }));
        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.Factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam(Team).PostMessageAsync(new PostMessageRequest("C1", "x")));
        Assert.That(error!.Error, Is.EqualTo("app_uninstalled"));
        Assert.That(harness.Slack.Calls, Has.Count.EqualTo(calls), "no call reached Slack after the uninstall");
        Assert.That(await harness.QueryAsync<(long, string?)>("SELECT active, bot_token FROM installations"), Is.EqualTo(new[] { (0L, (string?)null) }));
    }

    [Test]
    public async Task The_data_of_a_team_that_left_is_kept_for_the_period_then_deleted()
    {
        await using var harness = await InstalledWithANudgeAsync();
        await PostAsync(harness, "EvGone", Uninstalled("EvGone"));
        await harness.Factory.Processed.WaitForAsync(2);
        var retention = harness.Factory.Services.GetRequiredService<RetentionPass>();

        harness.Factory.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        await retention.RunOnceAsync(CancellationToken.None);
        Assert.That(await CountAsync(harness, "findings"), Is.EqualTo(1));
        Assert.That(await CountAsync(harness, "team_norms"), Is.EqualTo(1));

        harness.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await retention.RunOnceAsync(CancellationToken.None);
        foreach (var table in new[] { "findings", "nudges", "team_norms", "installations", "person_settings" })
        {
            Assert.That(await CountAsync(harness, table), Is.Zero, table);
        }

        Assert.That(await harness.QueryAsync<long>("SELECT count(*) FROM nudge_attempts"), Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task A_reinstall_within_the_period_keeps_the_data_and_the_old_norms()
    {
        await using var harness = await InstalledWithANudgeAsync();
        await PostAsync(harness, "EvGone", Uninstalled("EvGone"));
        await harness.Factory.Processed.WaitForAsync(2);
        harness.Factory.Time.Advance(TimeSpan.FromDays(10));
        await harness.InstallAsync(InstallHarness.AnswerFor(Team, "xoxb-back-again"));

        harness.Factory.Time.Advance(TimeSpan.FromDays(40));
        await harness.Factory.Services.GetRequiredService<RetentionPass>().RunOnceAsync(CancellationToken.None);

        Assert.That(await CountAsync(harness, "findings"), Is.EqualTo(1));
        var norms = await harness.Factory.Services.GetRequiredService<INormsStore>().GetAsync(Team, CancellationToken.None);
        Assert.That(norms.NudgeMode.ToString(), Is.EqualTo("Dm"));
        await harness.Factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam(Team).PostMessageAsync(new PostMessageRequest("C1", "x"));
        Assert.That(harness.Slack.CallsTo("chat.postMessage")[^1].Header("Authorization"), Is.EqualTo("Bearer xoxb-back-again"));
    }

    [Test]
    public async Task With_zero_days_the_data_is_deleted_at_once()
    {
        await using var harness = await InstalledWithANudgeAsync(uninstalledTeamDays: "0");

        await PostAsync(harness, "EvGone", Uninstalled("EvGone"));
        await harness.Factory.Processed.WaitForAsync(2);

        foreach (var table in new[] { "findings", "nudges", "team_norms", "installations" })
        {
            Assert.That(await CountAsync(harness, table), Is.Zero, table);
        }
    }
}
