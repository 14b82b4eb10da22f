using System.Globalization;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Tests.Nudges;

/// <summary>
/// The outbox calls Slack with one attempt per row (<c>SlackCallPolicy.SingleAttempt</c>): what
/// Slack answers reaches the outbox's own policy at once (its 429 hold, its backoff), end to end
/// from a signed event to the fake Slack Web API on 127.0.0.1.
/// </summary>
public sealed class OutboxCallPolicyTests
{
    private const string Urgent = "can you send me the Q3 numbers asap";
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_429_with_a_short_Retry_After_reaches_the_outbox_at_once_without_an_in_call_retry()
    {
        // 7 s is below Slack:MaxRetryAfter (30 s by default): the retrying client would have
        // waited it out inside the call, holding a send slot and hiding the limit from the outbox.
        var factory = _harness.Start();
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.RateLimited(retryAfterSeconds: 7));
        var start = factory.Time.GetUtcNow();
        using var response = await _harness.PostMessageAsync("EvShortLimit", Urgent);

        var first = await _harness.Attempts.WaitForAsync(1);

        Assert.That(first.Single().Outcome, Is.EqualTo("ratelimited"));
        var retryAt = await _harness.QueryAsync<string>("SELECT next_attempt_at FROM nudges");
        Assert.That(DateTimeOffset.Parse(retryAt.Single(), CultureInfo.InvariantCulture), Is.EqualTo(start.AddSeconds(7)));
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges"), Is.EqualTo(new[] { "pending" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_server_error_defers_the_nudge_after_one_call()
    {
        _harness.Start();
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.ServerError(503));
        using var response = await _harness.PostMessageAsync("EvServerError", Urgent);

        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single().Outcome, Is.EqualTo("http_503"));
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges"), Is.EqualTo(new[] { "pending" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_call_that_hangs_ends_at_the_attempt_timeout_and_the_nudge_is_deferred()
    {
        var factory = _harness.Start(configure: f => f.With("Slack:AttemptTimeout", "00:00:10"));
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Hanging());
        using var response = await _harness.PostMessageAsync("EvHanging", Urgent);

        await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        factory.Time.Advance(TimeSpan.FromSeconds(10));
        var attempts = await _harness.Attempts.WaitForAsync(1);

        Assert.That(attempts.Single().Outcome, Is.EqualTo("client_timeout"));
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges"), Is.EqualTo(new[] { "pending" }));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }
}
