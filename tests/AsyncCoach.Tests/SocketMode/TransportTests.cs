using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Commands;
using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Nudges;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncCoach.Tests.SocketMode;

/// <summary>
/// The same end-to-end scenarios over both transports: signed HTTP requests, and envelopes over a
/// Socket Mode WebSocket. A nudge must reach the fake Web API; a command's answer must come back.
/// </summary>
[TestFixture("http")]
[TestFixture("socket")]
public sealed class TransportTests(string transport)
{
    private NudgeHarness _harness = null!;
    private FakeSocketModeServer? _socket;
    private FakeSocketConnection? _connection;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await NudgeHarness.StartAsync();
        if (transport == "socket")
        {
            _socket = await FakeSocketModeServer.StartAsync();
            _socket.AttachTo(_harness.Slack);
            _harness.Start(configure: f => f.With("Slack:AppToken", SocketModeHarness.AppToken));
            _connection = await _socket.WaitForConnectionAsync();
        }
        else
        {
            _harness.Start();
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        await _harness.DisposeAsync();
        if (_socket is not null)
        {
            await _socket.DisposeAsync();
        }
    }

    private async Task SendEventAsync(string body)
    {
        if (_connection is null)
        {
            using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/events", body));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return;
        }

        var id = await _connection.SendEnvelopeAsync("events_api", body);
        await _socket!.WaitForAckAsync(id);
    }

    /// <param name="text">What follows <c>/async</c>.</param>
    /// <param name="team">The workspace.</param>
    /// <param name="enterprise">Set: sent as from a workspace of this org-wide install (over Socket Mode the flag is a JSON boolean).</param>
    private async Task<JsonObject> SendCommandAsync(string text, string team = NudgeHarness.Team, string? enterprise = null)
    {
        var form = CommandBodies.Async(text, team: team, responseUrl: _harness.Slack.ResponseUrl("command"))
            + (enterprise is null ? "" : $"&enterprise_id={enterprise}&is_enterprise_install=true");
        if (_connection is null)
        {
            using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/commands", form, CommandBodies.ContentType));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }

        // Over Socket Mode the same fields arrive as a JSON object.
        var fields = new JsonObject();
        foreach (var (name, value) in QueryHelpers.ParseQuery(form))
        {
            fields[name] = value.ToString();
        }

        if (enterprise is not null)
        {
            fields["is_enterprise_install"] = true;
        }

        var id = await _connection.SendEnvelopeAsync("slash_commands", fields.ToJsonString(), acceptsResponsePayload: true);
        var ack = await _socket!.WaitForAckAsync(id);
        return JsonNode.Parse(ack.GetProperty("payload").GetRawText())!.AsObject();
    }

    private async Task SendClickAsync(JsonObject payload)
    {
        if (_connection is null)
        {
            using var response = await _harness.Client.SendAsync(
                _harness.Factory.SignedRequest("/slack/interactivity", ClickBodies.Form(payload), ClickBodies.ContentType));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return;
        }

        await _socket!.WaitForAckAsync(await _connection.SendEnvelopeAsync("interactive", payload.ToJsonString()));
    }

    [Test]
    public async Task A_vague_urgency_reply_gets_one_ephemeral_nudge_through_the_Web_API()
    {
        var ts = MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow()).Value;
        await SendEventAsync(Payloads.MessageEvent("EvE2E", text: "can you send me the Q3 numbers asap", channel: NudgeHarness.Channel,
            user: NudgeHarness.Author, ts: ts, threadTs: "1773136000.000100", team: NudgeHarness.Team));

        var call = await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        await _harness.Attempts.WaitForAsync(1);

        Assert.That(call.Arg("channel"), Is.EqualTo(NudgeHarness.Channel));
        Assert.That(call.Arg("user"), Is.EqualTo(NudgeHarness.Author));
        Assert.That(call.Arg("text"), Does.StartWith("A quick async tip about your last message"));
        Assert.That(call.Header("Authorization"), Is.EqualTo("Bearer xoxb-test-token"), "the bot token, never the app token");
    }

    [Test]
    public async Task The_same_event_delivered_twice_nudges_once()
    {
        var ts = MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow()).Value;
        var body = Payloads.MessageEvent("EvE2ETwice", text: "can you send me the Q3 numbers asap", channel: NudgeHarness.Channel,
            user: NudgeHarness.Author, ts: ts, team: NudgeHarness.Team);

        await SendEventAsync(body);
        await SendEventAsync(body);
        var outcomes = await _harness.Factory.Processed.WaitForAsync(2);
        await _harness.Attempts.WaitForAsync(1);

        Assert.That(outcomes.Select(o => o.Duplicate), Is.EqualTo(new[] { false, true }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_classify_command_is_answered_privately()
    {
        var reply = await SendCommandAsync("classify review the launch plan");

        Assert.That((string?)reply["response_type"], Is.EqualTo("ephemeral"));
        Assert.That((string?)reply["text"], Does.Contain("Tier 3 of 6: review"));
    }

    [Test]
    public async Task Forget_me_asks_then_deletes_the_persons_settings_on_confirmation_and_answers_with_the_counts()
    {
        await SendCommandAsync("hours 08:00-16:00 Europe/Lisbon");
        var question = await SendCommandAsync("forget-me");
        var confirm = question["blocks"]![1]!["elements"]![0]!;
        Assert.That((string?)confirm["action_id"], Is.EqualTo(ForgetMeBlocks.Confirm));

        await SendClickAsync(ClickBodies.Click(ForgetMeBlocks.Confirm, (string?)confirm["value"], CommandBodies.User, NudgeHarness.Team,
            _harness.Slack.ResponseUrl("forget")));
        var answer = await _harness.Slack.WaitForCallAsync("hooks/forget");

        Assert.That(answer.Arg("text"), Does.StartWith("Done.").And.Contain("• your settings (hours, time zone, snooze, opt-out): 1"));
        Assert.That(await _harness.QueryAsync<long>("SELECT count(*) FROM person_settings"), Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task A_command_from_a_workspace_of_an_org_wide_install_links_the_workspace_to_the_org()
    {
        var reply = await SendCommandAsync("norms", team: "T0WORKSPACE9", enterprise: "E0ORG0001");

        Assert.That((string?)reply["text"], Does.StartWith("*Your team's norms*"));
        Assert.That(await _harness.QueryAsync<(string, string)>("SELECT team_id, enterprise_id FROM installation_teams"),
            Is.EqualTo(new[] { ("T0WORKSPACE9", "E0ORG0001") }));
    }
}
