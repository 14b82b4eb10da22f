using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Infrastructure;
using System.Text.Json.Nodes;

namespace AsyncCoach.Tests.Installations;

/// <summary>Two workspaces side by side, their events interleaved: every call carries its own team's token, every row its own team.</summary>
public sealed class TwoWorkspacesTests
{
    private static readonly Dictionary<string, string> Tokens = new(StringComparer.Ordinal)
    {
        ["T0ALPHA"] = "xoxb-alpha-token",
        ["T0BRAVO"] = "xoxb-bravo-token",
    };

    [Test]
    public async Task Interleaved_events_of_two_teams_use_each_teams_token_and_rows_and_one_uninstalled_mid_run_stops_alone()
    {
        await using var harness = await InstallHarness.StartAsync();
        foreach (var (team, token) in Tokens)
        {
            await harness.InstallAsync(InstallHarness.AnswerFor(team, token));
        }

        // Channels and users named after their team, so a call's arguments tell whose it is.
        for (var i = 0; i < 4; i++)
        {
            foreach (var team in Tokens.Keys)
            {
                await PostAsync(harness, $"Ev{team}{i}", Message(harness, $"Ev{team}{i}", team, i));
            }
        }

        await harness.Slack.WaitForCallAsync("chat.postEphemeral", count: 8);
        await PostAsync(harness, "EvBravoGone", new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "T0BRAVO", ["event_id"] = "EvBravoGone", ["event_time"] = 1700000000,
            ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
        }.ToJsonString());
        await harness.Factory.Processed.WaitForAsync(9);
        for (var i = 4; i < 6; i++)
        {
            foreach (var team in Tokens.Keys)
            {
                await PostAsync(harness, $"Ev{team}{i}", Message(harness, $"Ev{team}{i}", team, i));
            }
        }

        await harness.Factory.Processed.WaitForAsync(13);
        await harness.Slack.WaitForCallAsync("chat.postEphemeral", count: 10);

        // users.list names no channel or user: each workspace's people are listed with its own token, once.
        var listings = harness.Slack.CallsTo("users.list").Select(c => c.Header("Authorization")).ToList();
        Assert.That(listings, Is.EquivalentTo(Tokens.Values.Select(t => "Bearer " + t)));
        var calls = harness.Slack.Calls.Where(c => c.Method is not "oauth.v2.access" and not "users.list").ToList();
        Assert.That(calls, Is.Not.Empty);
        foreach (var call in calls)
        {
            var owner = (call.Arg("channel") ?? call.Arg("user"))!.Contains("ALPHA", StringComparison.Ordinal) ? "T0ALPHA" : "T0BRAVO";
            Assert.That(call.Header("Authorization"), Is.EqualTo("Bearer " + Tokens[owner]), $"{call.Method} {call.Body}");
        }

        Assert.That(harness.Slack.CallsTo("chat.postEphemeral").Count(c => c.Header("Authorization") == "Bearer xoxb-bravo-token"), Is.EqualTo(4),
            "nothing for bravo after it uninstalled");
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral").Count(c => c.Header("Authorization") == "Bearer xoxb-alpha-token"), Is.EqualTo(6));
        foreach (var (table, column) in new[] { ("findings", "channel_id"), ("nudges", "channel_id") })
        {
            var rows = await harness.QueryAsync<(string Team, string Channel)>($"SELECT team_id, {column} FROM {table}");
            Assert.That(rows, Has.Count.EqualTo(12), table);
            Assert.That(rows.Select(r => r.Channel.Contains(r.Team[2..], StringComparison.Ordinal)), Is.All.True, table);
        }
    }

    private static string Message(InstallHarness harness, string eventId, string team, int i) =>
        Payloads.MessageEvent(eventId, text: "can you send me the Q3 numbers asap", channel: $"C0{team[2..]}{i}", user: $"U0{team[2..]}{i}",
            ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: team);

    private static async Task PostAsync(InstallHarness harness, string eventId, string body)
    {
        using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), eventId);
    }
}
