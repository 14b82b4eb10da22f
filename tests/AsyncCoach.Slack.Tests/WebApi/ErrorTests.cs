using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

public sealed class ErrorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [TestCase("channel_not_found")]
    [TestCase("user_not_in_channel")]
    [TestCase("invalid_blocks")]
    public async Task An_ok_false_error_surfaces_typed_and_is_not_retried(string code)
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Error(code));

        var error = await Expect.SlackErrorAsync(() =>
            harness.Api.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(code));
        Assert.That(error.Method, Is.EqualTo("chat.postEphemeral"));
        Assert.That(error.IsTransient, Is.False);
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Invalid_auth_fails_once_without_retry()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("auth.test", FakeResponse.Error(SlackErrorCodes.InvalidAuth));

        var error = await Expect.SlackErrorAsync(() => harness.Api.AuthTestAsync().WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("invalid_auth"));
        Assert.That(error.Message, Does.Contain("auth.test").And.Contain("invalid_auth"));
        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Missing_scope_carries_needed_and_provided()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("conversations.open", FakeResponse.Error("missing_scope", needed: "im:write", provided: "chat:write,users:read"));

        var error = await Expect.SlackErrorAsync(() =>
            harness.Api.OpenConversationAsync(new OpenConversationRequest(["U1"])).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("missing_scope"));
        Assert.That(error.Needed, Is.EqualTo("im:write"));
        Assert.That(error.Provided, Is.EqualTo("chat:write,users:read"));
    }

    [Test]
    public async Task The_recorded_not_authed_answer_surfaces_as_not_authed()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var body = Fixtures.VcrResponse("web-api/slack-ruby-client-vcr/auth_test_error.yml", "auth.test");
        harness.Slack.Enqueue("auth.test", new FakeResponse(200, body));

        var error = await Expect.SlackErrorAsync(() => harness.Api.AuthTestAsync().WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.NotAuthed));
        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_recorded_invalid_arguments_answer_keeps_Slacks_messages()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var body = Fixtures.VcrResponse("web-api/slack-ruby-client-vcr/views_open_error.yml", "views.open");
        harness.Slack.Enqueue("views.publish", new FakeResponse(200, body));

        var error = await Expect.SlackErrorAsync(() =>
            harness.Api.PublishViewAsync(new PublishViewRequest("U1", new HomeView([]))).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("invalid_arguments"));
        Assert.That(error.Messages, Has.Count.EqualTo(2));
        Assert.That(error.Messages[1], Is.EqualTo("[ERROR] missing required field: type [json-pointer:/view]"));
    }

    // The fake refuses what Slack refuses in a view, so "the fake accepted it" means something.
    [Test]
    public async Task A_home_view_of_101_blocks_is_refused_by_the_fake_as_Slack_would()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var blocks = Enumerable.Range(0, 101).Select(_ => (AsyncCoach.Slack.BlockKit.Block)new AsyncCoach.Slack.BlockKit.DividerBlock()).ToList();

        var error = await Expect.SlackErrorAsync(() =>
            harness.Api.PublishViewAsync(new PublishViewRequest("U1", new HomeView(blocks))).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("invalid_arguments"));
        Assert.That(error.Messages, Is.EqualTo(new[] { "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]" }));
    }

    [Test]
    public async Task A_success_status_with_a_body_that_is_not_json_is_an_invalid_response()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("auth.test", FakeResponse.Text("<html>captive portal</html>"));

        var error = await Expect.SlackErrorAsync(() => harness.Api.AuthTestAsync().WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.InvalidResponse));
        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_4xx_is_not_retried()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("auth.test", FakeResponse.Text("not found", statusCode: 404));

        var error = await Expect.SlackErrorAsync(() => harness.Api.AuthTestAsync().WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("http_404"));
        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
    }
}
