using AsyncCoach.Core.Model;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Workspace;

namespace AsyncCoach.Tests.Installations;

/// <summary>A workspace's people are listed in bulk (users.list) right after it installs, before its first event.</summary>
public sealed class InstallWarmupTests
{
    [Test]
    public async Task After_the_install_flow_its_people_are_listed_with_its_token_and_a_listed_author_needs_no_users_info()
    {
        await using var harness = await InstallHarness.StartAsync();
        string[] people = ["U0AUTHOR1", "U0OTHER01", "U0THIRD01"];
        harness.Slack.Responder = call => call.Method == "users.list" ? SlackPeople.ListPage(people, call) : null;

        await harness.InstallAsync(InstallHarness.AnswerFor("T0NEWTEAM", "xoxb-new-team-token"));
        var listed = await harness.Slack.WaitForCallAsync("users.list");

        Assert.That(listed.Header("Authorization"), Is.EqualTo("Bearer xoxb-new-team-token"));
        Assert.That(harness.Slack.Calls.Where(c => c.Method != "oauth.v2.access").Select(c => c.Method), Is.All.EqualTo("users.list"),
            "listed at install, before any event of the workspace");

        var body = Payloads.MessageEvent("EvWarm", text: "can you send me the Q3 numbers asap", channel: "C0CHAN001", user: "U0AUTHOR1",
            ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: "T0NEWTEAM");
        using (var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body)))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Factory.Processed.WaitForAsync(1);
        Assert.That(harness.Slack.CallsTo("users.info").Select(c => c.Arg("user")), Does.Not.Contain("U0AUTHOR1"));
        Assert.That(harness.Slack.CallsTo("users.list"), Has.Count.EqualTo(1), "listed once: the first event found the list done");
    }
}
