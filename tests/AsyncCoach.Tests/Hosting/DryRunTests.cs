using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
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
        var slack = factory.Services.GetRequiredService<ISlackClientFactory>().ForTeam("T0001");

        var result = await slack.PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "a nudge", ThreadTs: "1.000001"));

        Assert.That(result.Ok, Is.True);
        var recorded = await factory.Services.GetRequiredService<IApiCallStore>().ListAsync(CancellationToken.None);
        Assert.That(recorded.Single().Method, Is.EqualTo("chat.postEphemeral"));
        Assert.That(recorded.Single().TeamId, Is.EqualTo("T0001"));
        Assert.That(recorded.Single().RequestJson, Does.Contain("\"channel\":\"C1\"").And.Contain("\"thread_ts\":\"1.000001\""));
        Assert.That(logs.GetSnapshot().Select(l => l.Message), Has.Some.Contains("Dry-run: would call chat.postEphemeral for team T0001"));
        factory.DeleteDatabase();
    }

    [Test]
    public async Task With_a_bot_token_its_own_team_calls_Slack_with_it_and_another_team_is_dry_run()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.TeamId = "T0001";
        await using var factory = new AsyncCoachFactory()
            .With("Slack:BotToken", "xoxb-test")
            .With("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString());
        factory.StartServer();
        var clients = factory.Services.GetRequiredService<ISlackClientFactory>();

        await clients.ForTeam("T0001").PostEphemeralAsync(new PostEphemeralRequest("C1", "U1", "a nudge"));
        await clients.ForTeam("T0OTHER").PostEphemeralAsync(new PostEphemeralRequest("C2", "U2", "a nudge"));

        var sent = slack.CallsTo("chat.postEphemeral");
        Assert.That(sent.Select(c => (c.Arg("channel"), c.Header("Authorization"))), Is.EqualTo(new[] { ("C1", "Bearer xoxb-test") }));
        var recorded = await factory.Services.GetRequiredService<IApiCallStore>().ListAsync(CancellationToken.None);
        Assert.That(recorded.Select(r => (r.TeamId, r.Method)), Is.EqualTo(new[] { ((string?)"T0OTHER", "chat.postEphemeral") }));
        factory.DeleteDatabase();
    }
}
