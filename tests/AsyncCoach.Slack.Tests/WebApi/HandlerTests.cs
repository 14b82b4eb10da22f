using System.Diagnostics;
using AsyncCoach.Slack.Tests.Support;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Slack.Tests.WebApi;

/// <summary>
/// The Web API clients' connection handler leaves out the stages Slack's Web API does not use
/// (redirects, cookies, W3C trace headers), each of which costs work on every call.
/// </summary>
public sealed class HandlerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_redirect_is_an_error_of_its_status_not_followed()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", new FakeResponse(302, "")
        {
            Headers = new Dictionary<string, string> { ["Location"] = new Uri(harness.Slack.ApiBaseUrl, "chat.postMessage").ToString() },
        });

        var error = await Expect.SlackErrorAsync(() =>
            harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience));

        Assert.That(error.Error, Is.EqualTo("http_302"));
        Assert.That(harness.Slack.Calls.Select(c => c.Method), Is.EqualTo(new[] { "chat.postEphemeral" }));
    }

    [Test]
    public async Task A_cookie_Slack_sets_is_not_sent_back()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Ok() with
        {
            Headers = new Dictionary<string, string> { ["Set-Cookie"] = "b=abc123; Path=/" },
        });

        await harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience);
        await harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "again")).WaitAsync(Patience);

        var calls = harness.Slack.CallsTo("chat.postEphemeral");
        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That(calls[1].Header("Cookie"), Is.Null);
    }

    [Test]
    public async Task A_call_made_inside_a_trace_carries_no_trace_header()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        using var trace = new Activity("outbox.send").SetIdFormat(ActivityIdFormat.W3C).Start();

        await harness.SingleAttempt.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "hi")).WaitAsync(Patience);

        var call = harness.Slack.CallsTo("chat.postEphemeral").Single();
        Assert.That(call.Header("traceparent"), Is.Null);
        Assert.That(call.Header("Request-Id"), Is.Null);
    }
}
