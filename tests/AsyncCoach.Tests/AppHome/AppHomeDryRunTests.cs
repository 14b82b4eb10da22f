using System.Net;
using AsyncCoach.Nudges;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.AppHome;

public sealed class AppHomeDryRunTests
{
    [Test]
    public async Task Without_a_bot_token_the_publish_is_recorded_instead_of_sent()
    {
        var probe = new NudgeProbe();
        await using var factory = new AsyncCoachFactory().WithServices(s => s.AddSingleton<INudgeObserver>(probe));
        using var client = factory.CreateRealClient();

        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", HomePayloads.Opened("EvDryHome", "U0DRY0001", "T0DRY")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await probe.WaitForAsync(1)).Single().Outcome, Is.EqualTo("ok"));
        var recorded = await factory.Services.GetRequiredService<IApiCallStore>().ListAsync(CancellationToken.None);
        Assert.That(recorded.Select(r => r.Method), Is.EqualTo(new[] { "views.publish" }));
        Assert.That(recorded.Single().RequestJson, Does.Contain("\"user_id\":\"U0DRY0001\"").And.Contain("\"type\":\"home\""));
        factory.DeleteDatabase();
    }
}
