using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.SocketMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.Hosting;

/// <summary>The start-up line tells the operator where Slack's traffic is expected: request URLs, Socket Mode, or both.</summary>
public sealed class StartupBannerTests
{
    [Test]
    public async Task Over_HTTP_it_names_the_request_URLs()
    {
        var logs = new FakeLogCollector();
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));
        factory.StartServer();

        var banner = Banner(logs);

        Assert.That(banner, Does.Contain("dry-run").And.Contain("Slack request URLs: /slack/events, /slack/commands, /slack/interactivity"));
        Assert.That(banner, Does.Not.Contain("Socket Mode"));
    }

    [Test]
    public async Task In_Socket_Mode_without_a_signing_secret_it_says_no_public_URL_is_needed()
    {
        await using var harness = await SocketModeHarness.StartAsync(configure: f => f.With("Slack:SigningSecret", ""));
        await harness.ConnectedAsync();

        var banner = Banner(harness.Logs);

        Assert.That(banner, Does.Contain("arrive over Socket Mode").And.Contain("no public URL is needed"));
        Assert.That(banner, Does.Not.Contain("/slack/events"));
    }

    [Test]
    public async Task In_Socket_Mode_with_a_signing_secret_it_names_both()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        await harness.ConnectedAsync();

        var banner = Banner(harness.Logs);

        Assert.That(banner, Does.Contain("arrive over Socket Mode").And.Contain("at the request URLs /slack/events"));
    }

    private static string Banner(FakeLogCollector logs) =>
        logs.GetSnapshot().Single(l => l.Message.StartsWith("AsyncCoach is running in", StringComparison.Ordinal)).Message;
}
