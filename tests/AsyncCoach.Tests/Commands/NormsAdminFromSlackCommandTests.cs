using System.Text.Json.Nodes;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Commands;

/// <summary>With a bot token, who is a workspace admin comes from Slack's users.info (a fake Slack on 127.0.0.1).</summary>
public sealed class NormsAdminFromSlackCommandTests
{
    [TestCase("is_admin")]
    [TestCase("is_owner")]
    public async Task A_workspace_admin_or_owner_per_users_info_may_name_leads_and_a_plain_member_may_not(string flag)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.Enqueue("users.info", FakeResponse.Ok(new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "UADMIN", ["tz"] = "Europe/Lisbon", [flag] = true },
        }));
        await using var harness = CommandHarness.StartLive(slack);

        var named = await harness.EphemeralTextAsync("norms set leads <@ULEAD|lea>", user: "UADMIN", team: "T0001");
        var refused = await harness.EphemeralTextAsync("norms set broadcast_threshold 30", user: "UMEMBER", team: "T0001");

        Assert.That(named, Is.EqualTo("Done: leads is now <@ULEAD>."));
        Assert.That(refused, Does.StartWith("Sorry, only the team's leads (<@ULEAD>) and workspace admins"));
        Assert.That(slack.CallsTo("users.info").Select(c => c.Arg("user")), Is.EqualTo(new[] { "UADMIN", "UMEMBER" }));
    }

    [Test]
    public async Task A_lead_needs_no_users_info_lookup()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.Enqueue("users.info", FakeResponse.Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = "UADMIN", ["is_admin"] = true } }));
        await using var harness = CommandHarness.StartLive(slack);
        await harness.EphemeralTextAsync("norms set leads <@ULEAD>", user: "UADMIN", team: "T0001");

        var changed = await harness.EphemeralTextAsync("norms set nudge_mode dm", user: "ULEAD", team: "T0001");

        Assert.That(changed, Is.EqualTo("Done: nudge_mode is now dm."));
        Assert.That(slack.CallsTo("users.info").Select(c => c.Arg("user")), Is.EqualTo(new[] { "UADMIN" }));
    }
}
