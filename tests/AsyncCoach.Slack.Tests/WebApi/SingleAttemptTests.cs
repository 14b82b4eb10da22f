using System.Text.Json.Nodes;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

/// <summary>
/// <see cref="SlackCallPolicy.SingleAttempt"/>, the outbox's client: every failure reaches the
/// caller after one call (the outbox retries, holds on 429 and expires rows), and a call still
/// ends at <c>Slack:AttemptTimeout</c>.
/// </summary>
public sealed class SingleAttemptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_429_reaches_the_caller_at_once_with_its_Retry_After()
    {
        // 7 s is below Slack:MaxRetryAfter (30 s): the retrying client would wait it out in the call.
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.RateLimited(retryAfterSeconds: 7));

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_server_error_is_not_retried_in_the_call()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postMessage", FakeResponse.ServerError(503));

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PostMessageAsync(new PostMessageRequest("C1", "hello")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("http_503"));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_transient_ok_false_code_is_not_retried_in_the_call()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("views.publish", FakeResponse.Error("internal_error"));

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PublishViewAsync(new PublishViewRequest("U1", new HomeView([]))).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("internal_error"));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(harness.Slack.CallsTo("views.publish"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_revoked_token_surfaces_as_its_code()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Error("token_revoked"));

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("token_revoked"));
        Assert.That(error.IsTransient, Is.False);
    }

    [Test]
    public async Task A_response_slower_than_the_attempt_timeout_ends_the_call_in_a_client_timeout()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Hanging());

        var post = harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi"));
        await harness.Slack.WaitForCallAsync("chat.postEphemeral");
        var deadline = await harness.Time.NextTimerAsync(d => d == SlackApiHarness.AttemptTimeout);
        harness.Time.Advance(deadline - TimeSpan.FromSeconds(1));
        Assert.That(post.IsCompleted, Is.False, "not before the attempt timeout");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var error = await Expect.SlackErrorAsync(() => post.WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.ClientTimeout));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_callers_cancellation_stays_a_cancellation_not_a_timeout()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Hanging());
        using var stopping = new CancellationTokenSource();

        var post = harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi"), stopping.Token);
        await harness.Slack.WaitForCallAsync("chat.postEphemeral");
        await stopping.CancelAsync();

        Assert.That(async () => await post.WaitAsync(Patience), Throws.InstanceOf<OperationCanceledException>());
    }

    // The client sends through the handlers without an HttpClient: a connection error still surfaces as the one type the outbox catches.
    [Test]
    public async Task A_refused_connection_is_a_network_error()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var harness = await SlackApiHarness.StartAsync(new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = $"http://127.0.0.1:{closedPort}/api/" });

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.NetworkError));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task A_json_body_goes_with_its_length_and_the_teams_bearer_token()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Ok("""{"message_ts":"1502210682.580145"}"""));
        Block[] blocks = [new SectionBlock { Text = new MarkdownText("*Tip*: a date says by when") }];

        var result = await harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U2", "Tip", blocks, ThreadTs: "1531420618.000200"));

        var call = harness.Slack.CallsTo("chat.postEphemeral").Single();
        Assert.That(result.MessageTs, Is.EqualTo("1502210682.580145"));
        Assert.That(call.Header("Authorization"), Is.EqualTo("Bearer " + SlackApiHarness.BotToken));
        Assert.That(call.ContentType, Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(call.Header("Content-Length"), Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(call.Body).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(call.Header("Transfer-Encoding"), Is.Null);
        Assert.That(call.Arg("blocks"), Is.EqualTo("""[{"type":"section","text":{"type":"mrkdwn","text":"*Tip*: a date says by when"}}]"""));
    }

    [Test]
    public async Task An_answer_larger_than_the_first_buffer_is_read_whole()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var members = new JsonArray();
        for (var i = 0; i < 400; i++)
        {
            members.Add(new JsonObject { ["id"] = $"U{i:D9}", ["name"] = $"person-{i}", ["tz"] = "Europe/Berlin" });
        }

        harness.Slack.Enqueue("users.list", FakeResponse.Ok(new JsonObject { ["members"] = members, ["response_metadata"] = new JsonObject { ["next_cursor"] = "dXNlcjpVMDYxTkZUVDI=" } }));

        var page = await harness.SingleAttempt.ListUsersAsync();

        Assert.That(page.Members, Has.Count.EqualTo(400));
        Assert.That(page.Members[399].Id, Is.EqualTo("U000000399"));
        Assert.That(page.NextCursor, Is.EqualTo("dXNlcjpVMDYxTkZUVDI="));
    }

    [Test]
    public async Task A_200_that_is_not_json_is_an_invalid_response()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Text("<html>proxy error</html>"));

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.InvalidResponse));
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }
}
