using System.Diagnostics;
using AsyncCoach.Nudges;
using AsyncCoach.Observability;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AsyncCoach.Tests.Observability;

/// <summary>A nudge through the fake Slack: what the counters and the trace show.</summary>
public sealed class NudgeMetricsTests
{
    private const string Urgent = "can you send me the Q3 numbers asap";
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task A_nudge_refused_with_429_then_sent_moves_the_call_rate_limit_and_nudge_counters()
    {
        // Retry-After above Slack:MaxRetryAfter: the outbox defers the nudge and sends it later.
        var factory = _harness.Start(configure: f => f.With("Metrics:Enabled", "true").With("Slack:MaxRetryAfter", "00:00:00"));
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.RateLimited(retryAfterSeconds: 30));
        using var response = await _harness.PostMessageAsync("EvCounted", Urgent);
        await _harness.Attempts.WaitForAsync(1);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        factory.Services.GetRequiredService<OutboxSignal>().Notify();
        await _harness.Attempts.WaitForAsync(2);

        var text = await MetricsEndpointTests.ScrapeAsync(_harness.Client);

        Assert.That(PrometheusText.Sum(text, "asynccoach_findings_total", "rule=\"vague-urgency\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_nudges_queued_total"), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_nudges_sent_total"), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_outbox_deferred_total", "kind=\"nudge\"", "reason=\"ratelimited\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_slack_calls_total", "method=\"chat.postEphemeral\"", "status=\"429\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_slack_calls_total", "method=\"chat.postEphemeral\"", "status=\"200\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_slack_rate_limited_total", "method=\"chat.postEphemeral\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_slack_rate_limit_wait_seconds_sum", "method=\"chat.postEphemeral\""), Is.EqualTo(30));
        Assert.That(text, Does.Not.Contain("xoxb-test-token").And.Not.Contain("Q3 numbers").And.Not.Contain(NudgeHarness.Author).And.Not.Contain(NudgeHarness.Channel));
    }

    [Test]
    public async Task A_permanent_Slack_error_counts_the_nudge_as_failed_with_its_reason()
    {
        _harness.Start(configure: f => f.With("Metrics:Enabled", "true"));
        _harness.Slack.Enqueue("chat.postEphemeral", FakeResponse.Error("channel_not_found"));
        using var response = await _harness.PostMessageAsync("EvFailed", Urgent);
        await _harness.Attempts.WaitForAsync(1);

        var text = await MetricsEndpointTests.ScrapeAsync(_harness.Client);

        Assert.That(PrometheusText.Sum(text, "asynccoach_nudges_failed_total", "reason=\"channel_not_found\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_nudges_sent_total"), Is.EqualTo(0));
    }

    [Test]
    public async Task One_nudge_is_one_trace_from_acknowledgement_to_the_Web_API_call()
    {
        var exported = new List<Activity>();
        _harness.Start(configure: f => f.WithServices(s => s.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(AsyncCoachTracing.SourceName).AddInMemoryExporter(exported))));
        using (await _harness.PostMessageAsync("EvTraced", Urgent))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        // Stopping waits for the send to end, so every activity has ended (and been exported).
        await _harness.StopAsync();

        List<Activity> spans = [.. exported];

        var accept = spans.Single(a => a.OperationName == "event.accept" && (string?)a.GetTagItem("slack.event_id") == "EvTraced");
        var trace = spans.Where(a => a.TraceId == accept.TraceId).ToList();
        var process = trace.Single(a => a.OperationName == "event.process");
        var send = trace.Single(a => a.OperationName == "nudge.send");
        var call = trace.Single(a => a.OperationName == "slack.call");

        Assert.That(process.ParentSpanId, Is.EqualTo(accept.SpanId));
        Assert.That(process.GetTagItem("slack.event_id"), Is.EqualTo("EvTraced"));
        Assert.That(send.ParentSpanId, Is.EqualTo(process.SpanId));
        Assert.That(call.ParentSpanId, Is.EqualTo(send.SpanId));
        Assert.That(call.GetTagItem("rpc.method"), Is.EqualTo("chat.postEphemeral"));
        Assert.That(call.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(trace.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString()), Has.None.Contains("Q3 numbers").And.None.Contains("xoxb"));
    }
}
