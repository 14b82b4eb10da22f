using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCoach.Nudges;
using AsyncCoach.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.Nudges;

/// <summary>
/// End to end through real HTTP: a signed event → inbox → rules → outbox → a fake Slack Web API
/// on 127.0.0.1, which must receive exactly one chat.postEphemeral per nudged message.
/// </summary>
public sealed class NudgeDeliveryTests
{
    private const string Urgent = "can you send me the Q3 numbers asap";
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_vague_urgency_reply_gets_one_ephemeral_in_its_thread_with_the_buttons()
    {
        _harness.Start();
        using var response = await _harness.PostMessageAsync("EvUrgent", Urgent, threadTs: "1773136000.000100");

        var call = await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        await _harness.Attempts.WaitForAsync(1);

        Assert.That(call.Arg("channel"), Is.EqualTo(NudgeHarness.Channel));
        Assert.That(call.Arg("user"), Is.EqualTo(NudgeHarness.Author));
        Assert.That(call.Arg("thread_ts"), Is.EqualTo("1773136000.000100"));
        Assert.That(call.Arg("text"), Does.StartWith("A quick async tip about your last message"));
        var blocks = JsonNode.Parse(call.Arg("blocks")!)!.AsArray();
        Assert.That(blocks.Select(b => (string?)b!["type"]), Is.EqualTo(new[] { "section", "context", "actions" }));
        Assert.That((string?)blocks[0]!["text"]!["text"], Does.Contain("\u201Casap\u201D doesn't say by when"));
        var buttons = blocks[2]!["elements"]!.AsArray();
        Assert.That(buttons.Select(b => (string?)b!["action_id"]),
            Is.EqualTo(new[] { "nudge:thanks", "nudge:not_helpful", "nudge:snooze_today", "nudge:why" }));
        var ids = await _harness.QueryAsync<long>("SELECT id FROM nudges");
        Assert.That(buttons.Select(b => (string?)b!["value"]), Is.All.EqualTo(ids.Single().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Once_sent_the_nudge_text_is_cleared_and_the_attempt_recorded()
    {
        _harness.Start();
        using var response = await _harness.PostMessageAsync("EvClear", Urgent);
        await _harness.Attempts.WaitForAsync(1);

        var rows = await _harness.QueryAsync<(string State, string? Content, long Attempts)>("SELECT state, content_json, attempts FROM nudges");
        Assert.That(rows.Single(), Is.EqualTo(("sent", (string?)null, 1L)));
        var attempts = await _harness.QueryAsync<string>("SELECT outcome FROM nudge_attempts");
        Assert.That(attempts, Is.EqualTo(new[] { "ok" }));
    }

    [Test]
    public async Task A_sent_nudge_is_logged_at_Debug_as_sent_with_no_empty_reason()
    {
        // At Debug, not Information: a healthy service's one log line per message sent (the
        // asynccoach.nudges.sent counter counts them), so a deployment at Information writes none.
        var logs = new FakeLogCollector();
        _harness.Start(configure: f => f.WithServices(s => s
            .AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs))
            .AddLogging(b => b.AddFilter(typeof(OutboxSender).FullName, LogLevel.Debug))));
        using var response = await _harness.PostMessageAsync("EvLogged", Urgent);
        await _harness.Attempts.WaitForAsync(1);

        var id = (await _harness.QueryAsync<long>("SELECT id FROM nudges")).Single();
        var ended = logs.GetSnapshot().Where(l => l.Category == typeof(OutboxSender).FullName).ToList();
        Assert.That(ended.Where(l => l.Message == $"Nudge {id} ended sent").Select(l => l.Level), Is.EqualTo(new[] { LogLevel.Debug }));
        Assert.That(ended.Select(l => l.Message), Has.None.Contains("(null)"));
    }

    [Test]
    public async Task The_same_event_retried_by_Slack_and_a_duplicate_delivery_give_no_second_call()
    {
        var factory = _harness.Start();
        var ts = Core.Model.MessageTs.FromInstant(factory.Time.GetUtcNow()).Value;
        using (await _harness.PostMessageAsync("EvOnce", Urgent, ts: ts))
        {
        }

        await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        await _harness.Attempts.WaitForAsync(1);

        // Slack's retry (same event_id) and the same message under another event id.
        using (await _harness.PostMessageAsync("EvOnce", Urgent, ts: ts))
        using (await _harness.PostMessageAsync("EvOnceAgain", Urgent, ts: ts))
        {
        }

        // The retry is skipped at the inbox; the other delivery is processed, its nudge a no-op at the outbox.
        var outcomes = await factory.Processed.WaitForAsync(3);
        Assert.That(outcomes.Select(o => o.Duplicate), Is.EqualTo(new[] { false, true, false }));

        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges"), Is.EqualTo(new[] { 1L }));
        Assert.That(_harness.Attempts.Attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_429_with_Retry_After_defers_the_nudge_and_then_delivers_it_once()
    {
        // Retry-After above Slack:MaxRetryAfter comes back to the outbox, which owns the wait.
        var factory = _harness.Start(configure: f => f.With("Slack:MaxRetryAfter", "00:00:00"));
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.RateLimited(retryAfterSeconds: 1));
        var start = factory.Time.GetUtcNow();
        using var response = await _harness.PostMessageAsync("EvLimited", Urgent);

        var first = await _harness.Attempts.WaitForAsync(1);
        Assert.That(first.Single().Outcome, Is.EqualTo("ratelimited"));
        var retryAt = await _harness.QueryAsync<string>("SELECT next_attempt_at FROM nudges");
        Assert.That(DateTimeOffset.Parse(retryAt.Single(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(start.AddSeconds(1)));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));

        factory.Time.Advance(TimeSpan.FromSeconds(1));
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
        var attempts = await _harness.Attempts.WaitForAsync(2);

        Assert.That(attempts.Select(a => a.Outcome), Is.EqualTo(new[] { "ratelimited", "ok" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(2), "one refused, one delivered");
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges"), Is.EqualTo(new[] { "sent" }));
    }

    [Test]
    public async Task Stopped_between_outbox_write_and_send_the_nudge_is_delivered_exactly_once_after_restart()
    {
        var first = _harness.Start(withSender: false);
        using (await _harness.PostMessageAsync("EvRestart", Urgent))
        {
        }

        await first.Processed.WaitForAsync(1);
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges"), Is.EqualTo(new[] { "pending" }));
        var stoppedAt = first.Time.GetUtcNow(); // before Stop: disposing runs the fake clock forward
        await _harness.StopAsync();
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Is.Empty);

        _harness.Start(now: stoppedAt.AddSeconds(5), databasePath: first.DatabasePath);
        await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        await _harness.Attempts.WaitForAsync(1);

        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges"), Is.EqualTo(new[] { "sent" }));
    }

    [Test]
    public async Task A_nudge_still_waiting_after_its_freshness_window_expires_instead_of_going_out_late()
    {
        var first = _harness.Start(withSender: false);
        using (await _harness.PostMessageAsync("EvStale", Urgent))
        {
        }

        await first.Processed.WaitForAsync(1);
        var stoppedAt = first.Time.GetUtcNow(); // before Stop: disposing runs the fake clock forward
        await _harness.StopAsync();

        _harness.Start(now: stoppedAt.AddMinutes(10), databasePath: first.DatabasePath);
        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single().Outcome, Is.EqualTo("expired"));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Is.Empty);
        Assert.That(await _harness.QueryAsync<(string, string?)>("SELECT end_reason, content_json FROM nudges"), Is.EqualTo(new[] { ("stale", (string?)null) }));
    }

    [Test]
    public async Task A_row_left_mid_call_by_a_crash_is_ended_as_interrupted_not_sent_twice()
    {
        var first = _harness.Start(withSender: false);
        using (await _harness.PostMessageAsync("EvCrash", Urgent))
        {
        }

        await first.Processed.WaitForAsync(1);
        await _harness.QueryAsync<long>("UPDATE nudges SET state = 'sending' RETURNING id");
        await _harness.StopAsync();

        _harness.Start(databasePath: first.DatabasePath);
        // Recovery runs before the sender's first round; a later nudge shows the round happened.
        using (await _harness.PostMessageAsync("EvAfterCrash", "please review the draft, it's urgent", channel: "C0CHAN002"))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        var rows = await _harness.QueryAsync<(string, string?)>("SELECT state, end_reason FROM nudges ORDER BY id");

        Assert.That(rows, Is.EqualTo(new[] { ("failed", (string?)"interrupted"), ("sent", null) }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral").Single().Arg("channel"), Is.EqualTo("C0CHAN002"));
    }

    [TestCase("channel_not_found")]
    [TestCase("not_in_channel")]
    [TestCase("user_not_in_channel")]
    [TestCase("is_archived")]
    [TestCase("account_inactive")]
    public async Task An_error_that_will_not_heal_ends_the_nudge_with_that_reason(string error)
    {
        _harness.Start();
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Error(error));
        using var response = await _harness.PostMessageAsync("EvPermanent", Urgent);

        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single().Outcome, Is.EqualTo(error));
        Assert.That(await _harness.QueryAsync<(string, string?)>("SELECT state, end_reason FROM nudges"), Is.EqualTo(new[] { ("failed", (string?)error) }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [TestCase("token_revoked")]
    [TestCase("invalid_auth")]
    public async Task A_revoked_token_marks_the_installation_inactive_and_stops_sending_for_the_team(string error)
    {
        var factory = _harness.Start();
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Error(error));
        using (await _harness.PostMessageAsync("EvRevoked", Urgent))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        using (await _harness.PostMessageAsync("EvAfterRevoked", "please review the draft, it's urgent", channel: "C0CHAN002"))
        {
        }

        var attempts = await _harness.Attempts.WaitForAsync(2);

        Assert.That(attempts.Select(a => a.Outcome), Is.EqualTo(new[] { error, "failed" }));
        Assert.That(await _harness.QueryAsync<string?>("SELECT end_reason FROM nudges ORDER BY id"), Is.EqualTo(new[] { error, "installation_inactive" }));
        Assert.That(await _harness.QueryAsync<(long, string?)>("SELECT active, reason FROM installations"), Is.EqualTo(new[] { (0L, (string?)error) }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task After_a_reinstall_a_successful_auth_test_at_start_reactivates_the_team()
    {
        var first = _harness.Start();
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Error("token_revoked"));
        _harness.Slack.SetDefault("auth.test", FakeResponse.Ok(new JsonObject { ["team_id"] = NudgeHarness.Team, ["user_id"] = "U0BOT" }));
        using (await _harness.PostMessageAsync("EvBeforeReinstall", Urgent))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        var stoppedAt = first.Time.GetUtcNow(); // before Stop: disposing runs the fake clock forward
        await _harness.StopAsync();

        _harness.Start(now: stoppedAt.AddMinutes(1), databasePath: first.DatabasePath);
        await _harness.Slack.WaitForCallAsync("auth.test");
        using (await _harness.PostMessageAsync("EvAfterReinstall", "please review the draft, it's urgent", channel: "C0CHAN002"))
        {
        }

        await _harness.Slack.WaitForCallAsync("chat.postEphemeral", count: 2);
        await _harness.Attempts.WaitForAsync(1);
        Assert.That(await _harness.QueryAsync<long>("SELECT active FROM installations"), Is.EqualTo(new[] { 1L }));
        Assert.That(_harness.Attempts.Attempts.Single().Outcome, Is.EqualTo("ok"));
    }

    [Test]
    public async Task In_dm_mode_the_nudge_is_a_message_from_the_app_to_the_author()
    {
        var factory = _harness.Start();
        await factory.Services.GetRequiredService<Storage.INormsStore>().SetAsync(NudgeHarness.Team, "nudge_mode", JsonValue.Create("dm"), "U0LEAD", CancellationToken.None);
        using var response = await _harness.PostMessageAsync("EvDm", Urgent);

        var call = await _harness.Slack.WaitForCallAsync("chat.postMessage");

        Assert.That(call.Arg("channel"), Is.EqualTo(NudgeHarness.Author));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Is.Empty);
        using var blocks = JsonDocument.Parse(call.Arg("blocks")!);
        Assert.That(blocks.RootElement.GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_bare_greeting_is_nudged_after_its_grace_window_once_its_finding_is_released()
    {
        var factory = _harness.Start();
        using (await _harness.PostMessageAsync("EvHey", "hey <@U0OTHER01> got a minute?"))
        {
        }

        await factory.Processed.WaitForAsync(1);
        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges"), Is.EqualTo(new[] { 0L }), "waits for the grace window");

        factory.Time.Advance(TimeSpan.FromSeconds(64));
        var call = await _harness.Slack.WaitForCallAsync("chat.postEphemeral");

        Assert.That(JsonNode.Parse(call.Arg("blocks")!)![0]!["block_id"]!.GetValue<string>(), Does.EndWith("missing-context"));
    }

    [Test]
    public async Task A_message_already_nudged_gets_no_second_nudge_when_its_missing_context_finding_arrives_later()
    {
        var factory = _harness.Start();
        using (await _harness.PostMessageAsync("EvHuddle", "<@U0OTHER01> huddle?"))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        factory.Time.Advance(TimeSpan.FromSeconds(64));
        await _harness.Findings.WaitForAsync(2);

        var rules = await _harness.QueryAsync<string>("SELECT rule_id FROM findings ORDER BY rule_id");
        Assert.That(rules, Is.EqualTo(new[] { "huddle-instead-of-thread", "missing-context" }));
        Assert.That(await _harness.QueryAsync<string>("SELECT rule_id FROM nudge_rules"), Is.EqualTo(new[] { "huddle-instead-of-thread" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }
}
