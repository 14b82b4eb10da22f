using System.Net;
using System.Net.Sockets;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Observability;

/// <summary>
/// <c>/metrics</c> through the real Kestrel on loopback: absent by default, Prometheus text with
/// the event counters when enabled, on a port of its own with <c>Metrics:Port</c>.
/// </summary>
public sealed class MetricsEndpointTests
{
    private const string Text = "a confidential roadmap sentence 7f3e";
    private const string User = "U0PRIVATE42";

    [Test]
    public async Task Metrics_are_not_served_when_not_enabled()
    {
        await using var factory = new AsyncCoachFactory();
        using var client = factory.CreateRealClient();

        using var response = await client.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Signed_events_a_duplicate_and_a_bad_signature_show_in_the_Prometheus_text_without_text_or_ids()
    {
        await using var factory = new AsyncCoachFactory().With("Metrics:Enabled", "true");
        using var client = factory.CreateRealClient();

        await PostAsync(client, factory, "EvMetrics1");
        await PostAsync(client, factory, "EvMetrics2");
        await PostAsync(client, factory, "EvMetrics1");
        using (var forged = factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvForged")))
        {
            forged.Headers.Remove("X-Slack-Signature");
            forged.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));
            using var refused = await client.SendAsync(forged);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using (var stale = factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvStale"), at: factory.Time.GetUtcNow().AddMinutes(-10)))
        using (var refused = await client.SendAsync(stale))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await factory.Processed.WaitForAsync(3);
        var text = await ScrapeAsync(client);

        Assert.That(PrometheusText.Sum(text, "asynccoach_events_received_total"), Is.EqualTo(5));
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_acknowledged_total"), Is.EqualTo(3));
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_rejected_total", "reason=\"bad_signature\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_rejected_total", "reason=\"stale_timestamp\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_deduplicated_total"), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_processed_total", "outcome=\"ok\""), Is.EqualTo(2));
        Assert.That(PrometheusText.Sum(text, "asynccoach_inbox_round_duration_seconds_count"), Is.GreaterThanOrEqualTo(1));
        Assert.That(PrometheusText.Has(text, "asynccoach_inbox_backlog"), Is.True);
        Assert.That(PrometheusText.Has(text, "asynccoach_inbox_oldest_age_seconds"), Is.True);
        Assert.That(text, Does.Not.Contain("confidential").And.Not.Contain(User).And.Not.Contain("T0001").And.Not.Contain("EvMetrics"));
    }

    [Test]
    public async Task A_malformed_body_is_counted_as_bad_body()
    {
        await using var factory = new AsyncCoachFactory().With("Metrics:Enabled", "true");
        using var client = factory.CreateRealClient();

        using (var response = await client.SendAsync(factory.SignedRequest("/slack/events", "{\"type\": ")))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        var text = await ScrapeAsync(client);
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_rejected_total", "reason=\"bad_body\""), Is.EqualTo(1));
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_received_total"), Is.EqualTo(1));
    }

    [Test]
    public async Task With_a_port_of_its_own_metrics_are_served_there_and_not_on_the_main_listener()
    {
        var port = FreePort();
        await using var factory = new AsyncCoachFactory().With("Metrics:Enabled", "true").With("Metrics:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var started = factory.CreateRealClient();
        // The server listens twice; the main listener is the address that is not the metrics port.
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var mainUrl = addresses.Single(a => !a.EndsWith($":{port}", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = new Uri(mainUrl) };
        using var metricsClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Assert.That(addresses, Has.Count.EqualTo(2));

        await PostAsync(client, factory, "EvOwnPort");
        await factory.Processed.WaitForAsync(1);

        using (var main = await client.GetAsync("/metrics"))
        {
            Assert.That(main.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        using (var health = await client.GetAsync("/healthz"))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the main listener still serves the service");
        }

        using (var other = await metricsClient.GetAsync("healthz"))
        {
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the metrics port serves /metrics only");
        }

        var text = await ScrapeAsync(metricsClient, "metrics");
        Assert.That(PrometheusText.Sum(text, "asynccoach_events_acknowledged_total"), Is.EqualTo(1));
    }

    internal static async Task<string> ScrapeAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task PostAsync(HttpClient client, AsyncCoachFactory factory, string eventId)
    {
        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent(eventId, text: Text, user: User)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
