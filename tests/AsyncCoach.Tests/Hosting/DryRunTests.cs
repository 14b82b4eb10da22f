using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.Hosting;

public sealed class DryRunTests
{
    [Test]
    public async Task Without_a_bot_token_Web_API_calls_are_logged_and_recorded_not_sent()
    {
        var logs = new FakeLogCollector();
        await using var factory = new AsyncCoachFactory().WithServices(s =>
            s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));
        factory.StartServer();
        var slack = factory.Services.GetRequiredService<ISlackWebApi>();

        var result = await slack.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "a nudge", ThreadTs: "1.000001"));

        Assert.That(result.Ok, Is.True);
        var recorded = await factory.Services.GetRequiredService<ApiCallStore>().ListAsync(CancellationToken.None);
        Assert.That(recorded.Single().Method, Is.EqualTo("chat.postEphemeral"));
        Assert.That(recorded.Single().RequestJson, Does.Contain("\"channel\":\"C1\"").And.Contain("\"thread_ts\":\"1.000001\""));
        Assert.That(logs.GetSnapshot().Select(l => l.Message), Has.Some.Contains("Dry-run: would call chat.postEphemeral"));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task With_a_bot_token_the_real_client_is_used()
    {
        await using var factory = new AsyncCoachFactory().With("Slack:BotToken", "xoxb-test");
        factory.StartServer();

        Assert.That(factory.Services.GetRequiredService<ISlackWebApi>(), Is.Not.InstanceOf<AsyncCoach.DryRun.RecordingSlackWebApi>());
        factory.DeleteDatabase();
    }
}
