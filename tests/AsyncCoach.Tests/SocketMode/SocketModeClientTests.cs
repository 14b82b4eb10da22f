using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AsyncCoach.Interactivity;
using AsyncCoach.Tests.Endpoints;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.SocketMode;

/// <summary>The Socket Mode client against a fake Slack WebSocket server, with the docs' frames (fixtures/socket-mode).</summary>
public sealed class SocketModeClientTests
{
    private SocketModeHarness _harness = null!;

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private static string Fixture(string name) => Payloads.Fixture("socket-mode/" + name);

    /// <summary>The envelope's payload, from a fixture that is an envelope.</summary>
    private static string PayloadOf(string envelope) => JsonNode.Parse(envelope)!["payload"]!.ToJsonString();

    [Test]
    public async Task The_connection_is_opened_with_the_app_token_and_readyz_waits_for_hello()
    {
        _harness = await SocketModeHarness.StartAsync((_, server) => server.SayHello = false);

        var connection = await _harness.Socket.WaitForConnectionAsync();
        var open = _harness.Slack.CallsTo("apps.connections.open").Single();
        Assert.That(open.HttpMethod, Is.EqualTo("POST"));
        Assert.That(open.Header("Authorization"), Is.EqualTo($"Bearer {SocketModeHarness.AppToken}"));
        var (status, body) = await _harness.ReadyzAsync();
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body, Does.Contain("no Socket Mode connection"));

        await connection.HelloAsync();
        var probe = await connection.SendEnvelopeAsync("events_api", """{"type":"app_rate_limited"}""");
        await _harness.Socket.WaitForAckAsync(probe);

        Assert.That((await _harness.ReadyzAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_harness.AllLogs(), Does.Not.Contain(SocketModeHarness.AppToken).And.Not.Contain("ticket=fake"));
    }

    [Test]
    public async Task An_event_envelope_is_acknowledged_with_its_id_alone_and_processed()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();

        var id = await connection.SendEnvelopeAsync("events_api", Payloads.MessageEvent("EvSocket1", text: "secret words nobody logs"));
        var ack = await _harness.Socket.WaitForAckAsync(id);

        Assert.That(ack.ToString(), Is.EqualTo($$"""{"envelope_id":"{{id}}"}"""));
        var processed = await _harness.Factory.Processed.WaitForAsync(1);
        Assert.That(processed.Single().Duplicate, Is.False);
        Assert.That(_harness.AllLogs(), Does.Not.Contain("secret words"));
    }

    [Test]
    public async Task The_docs_app_home_opened_envelope_is_stored_as_its_event_callback()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();
        // The docs' example elides parts of the view ("...") and lacks a comma; patched to the documented shape.
        var frame = Fixture("docs-envelope-events_api-app_home_opened.ELIDED.txt")
            .Replace("\"blocks\": [\n    ...\n   ]", "\"blocks\": []", StringComparison.Ordinal)
            .Replace("\"state\":{\n    ...\n   }", "\"state\":{}", StringComparison.Ordinal)
            .Replace(" }\n }\n \"envelope_id\"", " }\n },\n \"envelope_id\"", StringComparison.Ordinal);
        var inner = JsonNode.Parse(frame)!["payload"]!;
        // Over Socket Mode the payload is the whole event_callback; the docs show only its event.
        var callback = new JsonObject { ["type"] = "event_callback", ["team_id"] = "T123ABC456", ["event_id"] = "EvHome1", ["event"] = inner.DeepClone() };
        var patched = JsonNode.Parse(frame)!.AsObject();
        patched["payload"] = callback;

        await connection.SendRawAsync(patched.ToJsonString());
        var ack = await _harness.Socket.WaitForAckAsync("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545");

        Assert.That(ack.TryGetProperty("payload", out _), Is.False);
        Assert.That((await _harness.Factory.Processed.WaitForAsync(1)).Single().Duplicate, Is.False);
    }

    [Test]
    public async Task A_slash_command_is_answered_in_the_ack_payload()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();
        var payload = JsonNode.Parse(PayloadOf(Fixture("docs-envelope-slash_commands.json")))!.AsObject();
        payload["command"] = "/async";
        payload["text"] = "classify review the launch plan";

        var id = await connection.SendEnvelopeAsync("slash_commands", payload.ToJsonString(), acceptsResponsePayload: true);
        var ack = JsonNode.Parse((await _harness.Socket.WaitForAckAsync(id)).GetRawText())!;

        Assert.That((string?)ack["envelope_id"], Is.EqualTo(id));
        Assert.That((string?)ack["payload"]!["response_type"], Is.EqualTo("ephemeral"));
        Assert.That((string?)ack["payload"]!["text"], Does.Contain("Tier 3 of 6: review"));
    }

    [Test]
    public async Task A_slash_command_missing_a_field_is_acknowledged_and_logged_without_effect()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();
        var payload = JsonNode.Parse(PayloadOf(Fixture("docs-envelope-slash_commands.json")))!.AsObject();
        payload.Remove("team_id");

        var id = await connection.SendEnvelopeAsync("slash_commands", payload.ToJsonString(), acceptsResponsePayload: true);
        var ack = await _harness.Socket.WaitForAckAsync(id);

        Assert.That(ack.TryGetProperty("payload", out _), Is.False);
        Assert.That(_harness.AllLogs(), Does.Contain($"Socket Mode envelope {id} (slash_commands) was not acceptable").And.Contain("missing field: team_id"));
    }

    [Test]
    public async Task A_view_submission_answer_goes_back_as_the_ack_payload()
    {
        _harness = await SocketModeHarness.StartAsync(configure: f => f.WithServices(s => s.AddSingleton<IViewSubmissionHandler, ViewSubmissionResponseTests.HoursModal>()));
        var connection = await _harness.ConnectedAsync();

        var id = await connection.SendEnvelopeAsync("interactive", Endpoints.ViewSubmissionResponseTests.ViewSubmission("test:hours", "all day"), acceptsResponsePayload: true);
        var ack = await _harness.Socket.WaitForAckAsync(id);

        Assert.That(ack.GetProperty("payload").ToString(), Is.EqualTo("""{"response_action":"errors","errors":{"hours":"Use 09:00-17:30"}}"""));
    }

    [Test]
    public async Task Interactive_envelopes_from_the_docs_are_acknowledged_whether_used_or_not()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();
        var suggestion = PayloadOf(Fixture("docs-envelope-interactive-block_suggestion.json"));
        // The docs' block_actions example elides the message ("..."); patched to valid JSON.
        var actions = Fixture("docs-envelope-interactive-block_actions.ELIDED.txt").Replace(",\n   ...\n", "\n", StringComparison.Ordinal);

        var first = await connection.SendEnvelopeAsync("interactive", suggestion, acceptsResponsePayload: true);
        var second = await connection.SendEnvelopeAsync("interactive", PayloadOf(actions), acceptsResponsePayload: true);
        await _harness.Socket.WaitForAcksAsync([first, second]);

        // block_suggestion is not used; the docs' button (action_id WaXA) belongs to no feature: logged, acknowledged.
        Assert.That(_harness.AllLogs(), Does.Contain("unknown action_id: WaXA"));
        Assert.That(_harness.AllLogs(), Does.Not.Contain("Who if I cried out"));
    }

    [Test]
    public async Task Malformed_oversized_binary_and_unknown_frames_are_logged_and_the_connection_kept()
    {
        _harness = await SocketModeHarness.StartAsync(configure: f => f.With("SocketMode:MaxFrameBytes", "8192"));
        var connection = await _harness.ConnectedAsync();

        await connection.SendRawAsync(Fixture("docs-hello.INVALID-JSON.txt"));
        await connection.SendRawAsync("""{"type":"events_api","envelope_id":"e-trunc","payload":{"text":"private words""");
        await connection.SendRawAsync("""{"envelope_id":"e-notype","payload":{}}""");
        await connection.SendRawAsync("""{"type":"events_api","envelope_id":"e-big","payload":{"text":"private words """ + new string('x', 20_000) + "\"}}");
        await connection.SendAsync(Encoding.UTF8.GetBytes("private words"), WebSocketMessageType.Binary);
        var unknown = await connection.SendEnvelopeAsync("workflow_step", """{"text":"private words"}""");
        var noPayload = "e-nopayload";
        await connection.SendRawAsync($$"""{"type":"events_api","envelope_id":"{{noPayload}}","payload":"private words"}""");
        var noTeam = await connection.SendEnvelopeAsync("events_api", """{"type":"event_callback","event_id":"EvNoTeam","event":{"type":"message","text":"private words"}}""");
        var after = await connection.SendEnvelopeAsync("events_api", Payloads.MessageEvent("EvAfter"));

        await _harness.Socket.WaitForAcksAsync([unknown, noPayload, noTeam, after]);
        Assert.That(_harness.Socket.Acks.Keys, Has.No.Member("e-trunc").And.No.Member("e-big").And.No.Member("e-notype"));
        Assert.That(connection.Closed.IsCompleted, Is.False);
        Assert.That(_harness.Socket.Connections, Has.Count.EqualTo(1));
        var logs = _harness.AllLogs();
        Assert.That(logs, Does.Contain("is not valid JSON").And.Contain("larger than 8192 bytes").And.Contain("binary frame")
            .And.Contain("has no type").And.Contain("workflow_step").And.Contain("no payload object").And.Contain("event_callback without team_id"));
        Assert.That(logs, Does.Not.Contain("private words"));
        Assert.That((await _harness.Factory.Processed.WaitForAsync(1)).Single().Duplicate, Is.False, "only EvAfter reaches the inbox");
    }

    [Test]
    public async Task A_redelivered_envelope_is_acknowledged_again_and_processed_once()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();
        var body = Payloads.MessageEvent("EvTwice");

        var id = await connection.SendEnvelopeAsync("events_api", body);
        await _harness.Socket.WaitForAckAsync(id);
        await _harness.Factory.Processed.WaitForAsync(1);
        await connection.SendEnvelopeAsync("events_api", body, envelopeId: id, retryAttempt: 1);

        var outcomes = await _harness.Factory.Processed.WaitForAsync(2);
        Assert.That(outcomes.Select(o => o.Duplicate), Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public async Task Two_hundred_envelopes_in_a_burst_are_all_acknowledged_and_processed_once_each()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();

        var sends = Enumerable.Range(0, 200).Select(i => connection.SendEnvelopeAsync("events_api", Payloads.MessageEvent($"EvBurst{i:D3}", channel: $"C{i % 7:D4}"))).ToList();
        var ids = await Task.WhenAll(sends);
        await _harness.Socket.WaitForAcksAsync(ids);

        var outcomes = await _harness.Factory.Processed.WaitForAsync(200);
        Assert.That(outcomes.Count(o => !o.Duplicate), Is.EqualTo(200));
        Assert.That(_harness.Socket.Unacknowledged, Is.Empty);
    }

    [Test]
    public async Task Refresh_requested_opens_a_second_connection_before_the_first_closes_and_no_envelope_is_lost()
    {
        _harness = await SocketModeHarness.StartAsync();
        var first = await _harness.ConnectedAsync();

        var before = Enumerable.Range(0, 20).Select(i => first.SendEnvelopeAsync("events_api", Payloads.MessageEvent($"EvBefore{i}"))).ToList();
        await first.DisconnectAsync("refresh_requested");
        var during = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            during.Add(_harness.Socket.NextEnvelopeId());
            try
            {
                await first.SendEnvelopeAsync("events_api", Payloads.MessageEvent($"EvDuring{i}"), envelopeId: during[^1]);
            }
            catch (Exception ex) when (ex is WebSocketException or InvalidOperationException)
            {
                // The service closed the first connection already: this one goes out again on the second, below.
            }
        }

        var second = await _harness.ConnectedAsync(2);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.That(first.ClosedByApp, Is.True, "closed with a close frame once the second was open");
        Assert.That(_harness.Slack.CallsTo("apps.connections.open"), Has.Count.EqualTo(2));
        // Whatever the first connection did not acknowledge before closing, Slack sends again on the second.
        foreach (var frame in _harness.Socket.Unacknowledged)
        {
            await second.SendRawAsync(frame);
        }

        await _harness.Socket.WaitForAcksAsync([.. await Task.WhenAll(before), .. during]);
        var outcomes = await _harness.Factory.Processed.WaitForAsync(40);
        Assert.That(outcomes.Count(o => !o.Duplicate), Is.EqualTo(40), "each event once");
        Assert.That((await _harness.ReadyzAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_warning_opens_the_replacement_and_the_refresh_that_follows_opens_no_third()
    {
        _harness = await SocketModeHarness.StartAsync();
        var first = await _harness.ConnectedAsync();

        await first.SendRawAsync(Fixture("docs-disconnect-warning.json"));
        await first.SendRawAsync(Fixture("docs-disconnect-refresh_requested.json"));
        var second = await _harness.ConnectedAsync(2);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        var id = await second.SendEnvelopeAsync("events_api", Payloads.MessageEvent("EvAfterWarning"));
        await _harness.Socket.WaitForAckAsync(id);

        Assert.That(_harness.Socket.Connections, Has.Count.EqualTo(2));
        Assert.That(_harness.Slack.CallsTo("apps.connections.open"), Has.Count.EqualTo(2));
        Assert.That(_harness.AllLogs(), Does.Contain("Slack asks to disconnect (warning)").And.Contain("Slack asks to disconnect (refresh_requested)"));
    }

    [Test]
    public async Task Link_disabled_stops_reconnecting_and_readyz_says_so()
    {
        _harness = await SocketModeHarness.StartAsync();
        var connection = await _harness.ConnectedAsync();

        await connection.SendRawAsync(Fixture("docs-disconnect-link_disabled.json"));
        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        _harness.Factory.Time.Advance(TimeSpan.FromMinutes(10));

        var (status, body) = await _harness.ReadyzAsync();
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body, Does.Contain("Socket Mode link disabled"));
        Assert.That(_harness.Slack.CallsTo("apps.connections.open"), Has.Count.EqualTo(1));
        Assert.That(_harness.AllLogs(), Does.Contain("link_disabled"));
    }

    [Test]
    public async Task An_abrupt_close_is_reconnected_after_a_backoff_on_the_clock()
    {
        _harness = await SocketModeHarness.StartAsync();
        var first = await _harness.ConnectedAsync();

        first.Abort();
        await _harness.UntilNotReadyAsync();
        Assert.That(_harness.Socket.Connections, Has.Count.EqualTo(1), "no reconnect before the backoff");
        await _harness.UntilLoggedAsync(2102); // "reconnecting in …": its wait on the clock starts next

        // The first backoff is SocketMode:ReconnectBaseDelay (1 s by default) with jitter: 0.5 to 1 s (a step or two late at most).
        var waited = await _harness.AdvanceUntilAsync(_harness.Socket.WaitForConnectionAsync(2));
        await _harness.ConnectedAsync(2);

        Assert.That(waited, Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.3)));

        Assert.That((await _harness.ReadyzAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_refused_connections_open_is_retried_with_growing_backoff()
    {
        _harness = await SocketModeHarness.StartAsync((slack, _) =>
            slack.Enqueue("apps.connections.open", Fakes.FakeResponse.Error("invalid_auth"), Fakes.FakeResponse.Error("internal_error")));

        await _harness.Slack.WaitForCallAsync("apps.connections.open");
        await _harness.UntilLoggedAsync(2101); // "next attempt in …": its wait on the clock starts next
        var first = await _harness.AdvanceUntilAsync(_harness.Slack.WaitForCallAsync("apps.connections.open", 2));
        await _harness.UntilLoggedAsync(2101, 2);
        var second = await _harness.AdvanceUntilAsync(_harness.Socket.WaitForConnectionAsync());
        await _harness.ConnectedAsync();

        // 1 s then 2 s, each jittered to 50-100 % (and a step of slack: the service may start its wait a step late).
        Assert.That(first, Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.3)));
        Assert.That(second, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.3)));

        Assert.That(_harness.AllLogs(), Does.Contain("apps.connections.open: invalid_auth").And.Contain("apps.connections.open: internal_error"));
    }
}
