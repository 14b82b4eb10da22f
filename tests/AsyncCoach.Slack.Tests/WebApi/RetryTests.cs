using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

public sealed class RetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_429_waits_for_Retry_After_then_retries_once()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(retryAfterSeconds: 7), FakeResponse.Ok("""{"channel":"C1","ts":"1.000002"}"""));

        var post = harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hello"));
        var waited = await harness.Time.NextTimerAsync(d => d < SlackApiHarness.AttemptTimeout);

        Assert.That(waited, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1), "no retry before Retry-After elapses");
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.That(post.IsCompleted, Is.False);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await post.WaitAsync(Patience);

        Assert.That(result.Ts, Is.EqualTo("1.000002"));
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_429_with_Retry_After_zero_retries_at_once()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("auth.test", FakeResponse.RateLimited(retryAfterSeconds: 0));

        var result = await harness.Api.AuthTestAsync().WaitAsync(Patience);

        Assert.That(result.UserId, Is.EqualTo("U0BOT00001"));
        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_Retry_After_longer_than_the_cap_fails_at_once_with_the_wait()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.RateLimited(retryAfterSeconds: 120));

        var error = await Expect.SlackErrorAsync(() =>
            harness.Api.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_500_is_retried_after_a_backoff()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postMessage", FakeResponse.ServerError(500));

        var post = harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hello"));
        var backoff = await harness.Time.NextTimerAsync(d => d < SlackApiHarness.AttemptTimeout);

        Assert.That(backoff, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(1));
        harness.Time.Advance(backoff);
        var result = await post.WaitAsync(Patience);

        Assert.That(result.Ok, Is.True);
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_transient_ok_false_code_is_retried()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("users.info", FakeResponse.Error("internal_error"));

        var lookup = harness.Api.GetUserInfoAsync("U1");
        await harness.AdvancePastBackoffAsync();
        var user = await lookup.WaitAsync(Patience);

        Assert.That(user.Id, Is.EqualTo("U1"));
        Assert.That(harness.Slack.CallsTo("users.info"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Persistent_server_errors_give_up_after_the_configured_attempts()
    {
        await using var harness = await SlackApiHarness.StartAsync(new Dictionary<string, string?> { ["Slack:MaxRetryAttempts"] = "2" });
        harness.Slack.SetDefault("chat.postMessage", FakeResponse.ServerError(503));

        var post = harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hello"));
        await harness.AdvancePastBackoffAsync();
        await harness.AdvancePastBackoffAsync();
        var error = await Expect.SlackErrorAsync(() => post.WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("http_503"));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_response_slower_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("views.publish", FakeResponse.Hanging());

        var publish = harness.Api.PublishViewAsync(new PublishViewRequest("U1", new HomeView([])));
        await harness.Slack.WaitForCallAsync("views.publish");
        var attemptTimeout = await harness.Time.NextTimerAsync(d => d == SlackApiHarness.AttemptTimeout);
        harness.Time.Advance(attemptTimeout);
        await harness.AdvancePastBackoffAsync();
        var result = await publish.WaitAsync(Patience);

        Assert.That(result.View?.Id, Is.EqualTo("V0FAKE0001"));
        Assert.That(harness.Slack.CallsTo("views.publish"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Attempts_that_all_time_out_end_in_a_typed_client_timeout()
    {
        await using var harness = await SlackApiHarness.StartAsync(new Dictionary<string, string?> { ["Slack:MaxRetryAttempts"] = "1" });
        harness.Slack.SetDefault("chat.postMessage", FakeResponse.Hanging());

        var post = harness.Api.PostMessageAsync(new PostMessageRequest("C1", "hello"));
        await harness.Slack.WaitForCallAsync("chat.postMessage");
        harness.Time.Advance(await harness.Time.NextTimerAsync(d => d == SlackApiHarness.AttemptTimeout));
        await harness.AdvancePastBackoffAsync();
        await harness.Slack.WaitForCallAsync("chat.postMessage", count: 2);
        harness.Time.Advance(await harness.Time.NextTimerAsync(d => d == SlackApiHarness.AttemptTimeout));
        var error = await Expect.SlackErrorAsync(() => post.WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.ClientTimeout));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(harness.Slack.CallsTo("chat.postMessage"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_unreachable_Slack_ends_in_a_typed_network_error()
    {
        var slack = await FakeSlackApi.StartAsync();
        var deadUrl = slack.ApiBaseUrl.ToString();
        await slack.DisposeAsync();
        await using var harness = await SlackApiHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = deadUrl,
            ["Slack:MaxRetryAttempts"] = "1",
        });

        var call = harness.Api.AuthTestAsync();
        await harness.AdvancePastBackoffAsync();
        var error = await Expect.SlackErrorAsync(() => call.WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo(SlackErrorCodes.NetworkError));
        Assert.That(error.IsTransient, Is.True);
    }
}
