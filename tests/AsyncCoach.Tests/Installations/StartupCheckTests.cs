using AsyncCoach.Installations;
using AsyncCoach.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncCoach.Tests.Installations;

/// <summary>At start each installed team's token is checked with auth.test; a refused one deactivates that team only.</summary>
public sealed class StartupCheckTests
{
    [Test]
    public async Task A_token_refused_at_start_deactivates_only_its_team()
    {
        await using var harness = await InstallHarness.StartAsync();
        await harness.InstallAsync(InstallHarness.AnswerFor("T0AAAA", "xoxb-team-a"));
        await harness.InstallAsync(InstallHarness.AnswerFor("T0BBBB", "xoxb-team-b"));
        harness.Slack.SetDefault("auth.test", FakeResponse.Error("token_revoked"));
        harness.Slack.Enqueue("auth.test", FakeResponse.Ok("""{"team_id":"T0AAAA","user_id":"U0BOT"}"""));

        await harness.RestartAsync();
        var startup = harness.Factory.Services.GetServices<IHostedService>().OfType<InstallationStartup>().Single();
        await startup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(harness.Slack.CallsTo("auth.test").Select(c => c.Header("Authorization")),
            Is.EqualTo(new[] { "Bearer xoxb-team-a", "Bearer xoxb-team-b" }));
        Assert.That(await harness.QueryAsync<(string, long, string?)>("SELECT team_id, active, reason FROM installations ORDER BY team_id"),
            Is.EqualTo(new[] { ("T0AAAA", 1L, (string?)null), ("T0BBBB", 0L, "token_revoked") }));
    }

    [Test]
    public async Task An_auth_test_failing_for_another_reason_than_the_token_leaves_the_installation_as_it_was()
    {
        await using var harness = await InstallHarness.StartAsync();
        await harness.InstallAsync(InstallHarness.AnswerFor("T0AAAA", "xoxb-team-a"));
        harness.Slack.SetDefault("auth.test", FakeResponse.Error("invalid_response") with { StatusCode = 404, ContentType = "text/plain" });

        await harness.RestartAsync();
        var startup = harness.Factory.Services.GetServices<IHostedService>().OfType<InstallationStartup>().Single();
        await startup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(harness.Slack.CallsTo("auth.test"), Has.Count.EqualTo(1));
        Assert.That(await harness.QueryAsync<long>("SELECT active FROM installations"), Is.EqualTo(new[] { 1L }));
    }
}
