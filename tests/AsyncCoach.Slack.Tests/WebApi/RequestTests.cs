using System.Text.Json;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

public sealed class RequestTests
{
    [Test]
    public async Task Every_call_carries_the_bot_token_as_a_bearer_header()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        await harness.Api.AuthTestAsync();
        await harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hi"));

        Assert.That(harness.Slack.Calls.Select(c => c.Header("Authorization")), Is.All.EqualTo("Bearer " + SlackApiHarness.BotToken));
        Assert.That(harness.Slack.Calls.Select(c => c.HttpMethod), Is.All.EqualTo("POST"));
    }

    [Test]
    public async Task A_base_url_without_a_trailing_slash_still_reaches_the_method()
    {
        await using var harness = await SlackApiHarness.StartAsync(new Dictionary<string, string?>());
        await using var other = await SlackApiHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = harness.Slack.ApiBaseUrl.ToString().TrimEnd('/'),
        });

        await other.Api.AuthTestAsync();

        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Post_ephemeral_sends_json_with_thread_ts_and_blocks()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Ok("""{"message_ts":"1502210682.580145"}"""));
        Block[] blocks = [new SectionBlock { Text = new MarkdownText("*Tip*: add context") }];

        var result = await harness.Api.PostEphemeralAsync(new PostEphemeralRequest("C1", "U2", "Tip: add context", blocks, ThreadTs: "1531420618.000200"));

        var call = harness.Slack.CallsTo("chat.postEphemeral").Single();
        Assert.That(result.MessageTs, Is.EqualTo("1502210682.580145"));
        Assert.That(call.ContentType, Does.StartWith("application/json"));
        Assert.That(call.Arg("channel"), Is.EqualTo("C1"));
        Assert.That(call.Arg("user"), Is.EqualTo("U2"));
        Assert.That(call.Arg("text"), Is.EqualTo("Tip: add context"));
        Assert.That(call.Arg("thread_ts"), Is.EqualTo("1531420618.000200"));
        Assert.That(call.Arg("blocks"), Is.EqualTo("""[{"type":"section","text":{"type":"mrkdwn","text":"*Tip*: add context"}}]"""));
    }

    [Test]
    public async Task Post_message_without_a_thread_leaves_thread_ts_out()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        var result = await harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hello"));

        var call = harness.Slack.CallsTo("chat.postMessage").Single();
        Assert.That(result.Channel, Is.EqualTo("C1"));
        Assert.That(result.Ts, Is.Not.Empty);
        Assert.That(call.Body, Is.EqualTo("""{"channel":"C1","text":"hello"}"""));
    }

    [Test]
    public async Task Post_message_in_a_thread_passes_thread_ts()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        await harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hello", ThreadTs: "1700000000.000100"));

        Assert.That(harness.Slack.CallsTo("chat.postMessage").Single().Arg("thread_ts"), Is.EqualTo("1700000000.000100"));
    }

    [Test]
    public async Task Schedule_message_sends_post_at_as_unix_seconds()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.scheduleMessage", FakeResponse.Ok("""{"channel":"C1","scheduled_message_id":"Q1298393284","post_at":"1562180400"}"""));
        var postAt = DateTimeOffset.FromUnixTimeSeconds(1562180400);

        var result = await harness.Api.ScheduleMessageAsync(new ScheduleMessageRequest("C1", "later", postAt, ThreadTs: "1.000001"));

        var call = harness.Slack.CallsTo("chat.scheduleMessage").Single();
        Assert.That(call.Json?.GetProperty("post_at").GetInt64(), Is.EqualTo(1562180400));
        Assert.That(call.Arg("thread_ts"), Is.EqualTo("1.000001"));
        Assert.That(result.ScheduledMessageId, Is.EqualTo("Q1298393284"));
        Assert.That(result.PostAt, Is.EqualTo(postAt));
    }

    [Test]
    public async Task Open_conversation_sends_users_comma_separated()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        var result = await harness.Api.OpenConversationAsync(new OpenConversationRequest(["U1", "U2"]));

        var call = harness.Slack.CallsTo("conversations.open").Single();
        Assert.That(call.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        Assert.That(call.Arg("users"), Is.EqualTo("U1,U2"));
        Assert.That(call.Arg("return_im"), Is.Null);
        Assert.That(result.Channel?.Id, Is.EqualTo("D0FAKE0001"));
    }

    [Test]
    public async Task Publish_view_sends_a_home_view()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        await harness.Api.PublishViewAsync(new PublishViewRequest("U1", new HomeView([new DividerBlock()]) { PrivateMetadata = "v1" }));

        var json = harness.Slack.CallsTo("views.publish").Single().Json ?? throw new AssertionException("no JSON body");
        Assert.That(json.GetProperty("user_id").GetString(), Is.EqualTo("U1"));
        Assert.That(json.GetProperty("view").GetRawText(), Is.EqualTo("""{"blocks":[{"type":"divider"}],"type":"home","private_metadata":"v1"}"""));
        Assert.That(json.TryGetProperty("hash", out _), Is.False);
    }

    [Test]
    public async Task Open_view_sends_the_trigger_id_and_the_modal()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var modal = new ModalView("Hours", [new InputBlock("Hours", new PlainTextInputElement("value"), "hours")]) { Submit = new PlainText("Save") };

        var result = await harness.Api.OpenViewAsync(new OpenViewRequest("1521624136948.427925934822.72e921438437da266158b931be19bd77", modal));

        var call = harness.Slack.CallsTo("views.open").Single();
        Assert.That(call.ContentType, Does.StartWith("application/json"));
        Assert.That(call.Arg("trigger_id"), Is.EqualTo("1521624136948.427925934822.72e921438437da266158b931be19bd77"));
        Assert.That(call.Json!.Value.GetProperty("view").GetProperty("type").GetString(), Is.EqualTo("modal"));
        Assert.That(call.Json!.Value.GetProperty("view").GetProperty("blocks")[0].GetProperty("element").GetProperty("type").GetString(), Is.EqualTo("plain_text_input"));
        Assert.That(result.View?.Id, Is.EqualTo("V0FAKE0002"));
    }

    [Test]
    public async Task Conversation_members_follow_the_cursor_across_pages()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue(
            "conversations.members",
            FakeResponse.Ok("""{"members":["U1","U2"],"response_metadata":{"next_cursor":"e3VzZXJfaWQ6IFUwNjY5MDA0N30="}}"""),
            FakeResponse.Ok("""{"members":["U3"],"response_metadata":{"next_cursor":""}}"""));

        var members = await harness.Api.GetAllConversationMembersAsync("C1");

        var calls = harness.Slack.CallsTo("conversations.members");
        Assert.That(members, Is.EqualTo(new[] { "U1", "U2", "U3" }));
        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That(calls[0].Arg("cursor"), Is.Null);
        Assert.That(calls[1].Arg("cursor"), Is.EqualTo("e3VzZXJfaWQ6IFUwNjY5MDA0N30="));
        Assert.That(calls[1].Arg("channel"), Is.EqualTo("C1"));
    }

    [Test]
    public async Task Conversation_info_asks_for_the_member_count()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        await harness.Api.GetConversationInfoAsync("C1");

        var call = harness.Slack.CallsTo("conversations.info").Single();
        Assert.That(call.Arg("channel"), Is.EqualTo("C1"));
        Assert.That(call.Arg("include_num_members"), Is.EqualTo("true"));
    }

    [Test]
    public async Task The_bot_token_is_never_logged()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("auth.test", FakeResponse.RateLimited(0), FakeResponse.Error("invalid_auth"));

        await Expect.SlackErrorAsync(() => harness.Api.AuthTestAsync());
        await harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hi"));

        var records = harness.Logs.GetSnapshot();
        Assert.That(records, Is.Not.Empty, "HttpClient and the client log at Trace; something must have been written");
        Assert.That(records.Select(r => r.Message + " " + JsonSerializer.Serialize(r.StructuredState?.Select(p => p.Value))),
            Has.None.Contains(SlackApiHarness.BotToken));
    }
}
