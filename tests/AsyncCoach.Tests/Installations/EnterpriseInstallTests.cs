using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Installations;

/// <summary>Enterprise Grid: an org-wide install serves every workspace of the organisation, routed by enterprise_id.</summary>
public sealed class EnterpriseInstallTests
{
    private const string OrgToken = "xoxb-org-wide-token";

    [Test]
    public async Task An_org_wide_install_is_stored_under_the_org_and_its_workspaces_events_use_its_token()
    {
        await using var harness = await InstallHarness.StartAsync();
        var answer = InstallHarness.DocsAnswer();
        answer["access_token"] = OrgToken;
        answer["is_enterprise_install"] = true;
        answer["team"] = null;
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(answer));
        var state = Uri.EscapeDataString(await harness.StateAsync());
        var (status, page) = await harness.CallbackAsync($"code=c1&state={state}");
        Assert.That(status, Is.EqualTo(200), page);
        Assert.That(page, Does.Contain("installed in slack-sports"));
        Assert.That(await harness.QueryAsync<(string, long)>("SELECT team_id, is_enterprise_install FROM installations"),
            Is.EqualTo(new[] { ("E12345678", 1L) }));

        await PostAsync(harness, "EvOrg", "T0WORKSPACE1", "E12345678", orgWide: true);
        var nudge = await harness.Slack.WaitForCallAsync("chat.postEphemeral");

        Assert.That(nudge.Header("Authorization"), Is.EqualTo("Bearer " + OrgToken));
        Assert.That(harness.Slack.Calls.Where(c => c.Method != "oauth.v2.access").Select(c => c.Header("Authorization")),
            Is.All.EqualTo("Bearer " + OrgToken));
        Assert.That(await harness.QueryAsync<string>("SELECT team_id FROM nudges"), Is.EqualTo(new[] { "T0WORKSPACE1" }));
    }

    [Test]
    public async Task A_workspace_of_the_same_org_without_the_org_wide_flag_is_not_given_the_orgs_token()
    {
        await using var harness = await InstallHarness.StartAsync();
        var answer = InstallHarness.DocsAnswer();
        answer["access_token"] = OrgToken;
        answer["is_enterprise_install"] = true;
        harness.Slack.Enqueue("oauth.v2.access", FakeResponse.Ok(answer));
        var state = Uri.EscapeDataString(await harness.StateAsync());
        Assert.That((await harness.CallbackAsync($"code=c1&state={state}")).Status, Is.EqualTo(200));

        await PostAsync(harness, "EvLocal", "T0WORKSPACE2", "E12345678", orgWide: false);
        var attempt = (await harness.Attempts.WaitForAsync(1)).Single();

        Assert.That(attempt.Outcome, Is.EqualTo("ok"), "dry-run answers as Slack would");
        Assert.That(harness.Slack.Calls.Where(c => c.Method != "oauth.v2.access"), Is.Empty);
        var recorded = await harness.Factory.Services.GetRequiredService<IApiCallStore>().ListAsync(CancellationToken.None);
        Assert.That(recorded.Where(c => c.Method == "chat.postEphemeral").Select(c => c.TeamId), Is.EqualTo(new[] { "T0WORKSPACE2" }));
    }

    /// <summary>Installs the docs' org-wide answer with <see cref="OrgToken"/>.</summary>
    private static async Task InstallOrgAsync(InstallHarness harness)
    {
        var answer = InstallHarness.DocsAnswer();
        answer["access_token"] = OrgToken;
        answer["is_enterprise_install"] = true;
        answer["team"] = null;
        await harness.InstallAsync(answer);
    }

    [Test]
    public async Task A_slash_command_from_a_workspace_not_seen_in_events_yet_uses_the_orgs_token_and_keeps_the_workspaces_data()
    {
        await using var harness = await InstallHarness.StartAsync();
        await InstallOrgAsync(harness);
        harness.Slack.Enqueue("users.info", FakeResponse.Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = "U0ADMIN01", ["is_admin"] = true } }));

        // java-slack-sdk's slash command skeleton, as Slack sends it from a workspace of an org-wide install.
        var fields = JsonNode.Parse(Payloads.Fixture("schema/java-slack-sdk/app-backend/SlashCommandPayload.json"))!.AsObject();
        fields["team_id"] = "T0WORKSPACE3";
        fields["enterprise_id"] = "E12345678";
        fields["is_enterprise_install"] = true;
        fields["user_id"] = "U0ADMIN01";
        fields["channel_id"] = "C0CHAN001";
        fields["command"] = "/async";
        fields["text"] = "norms set broadcast_threshold 30";
        fields["response_url"] = harness.Slack.ResponseUrl("command").ToString();
        var form = string.Join('&', fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? f.Value.GetValue<string>() : f.Value?.ToJsonString() ?? "")));
        using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/commands", form, CommandBodies.ContentType));
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That((string?)reply["text"], Is.EqualTo("Done: broadcast_threshold is now 30."), "users.info said admin, with the org's token");
        Assert.That(harness.Slack.CallsTo("users.info").Select(c => (c.Arg("user"), c.Header("Authorization"))),
            Is.EqualTo(new[] { ("U0ADMIN01", "Bearer " + OrgToken) }));
        Assert.That(await harness.QueryAsync<string>("SELECT team_id FROM team_norms"), Is.EqualTo(new[] { "T0WORKSPACE3" }));
        Assert.That(await harness.QueryAsync<(string, string)>("SELECT team_id, enterprise_id FROM installation_teams"),
            Is.EqualTo(new[] { ("T0WORKSPACE3", "E12345678") }));
    }

    [Test]
    public async Task A_click_from_a_workspace_not_seen_in_events_yet_uses_the_orgs_token_and_keeps_the_workspaces_data()
    {
        await using var harness = await InstallHarness.StartAsync();
        await InstallOrgAsync(harness);

        var click = ClickBodies.Click("home:opt_out", "x", "U0MEMBER1", "T0WORKSPACE4", harness.Slack.ResponseUrl("home"), orgWide: "E12345678");
        using var response = await harness.Client.SendAsync(
            harness.Factory.SignedRequest("/slack/interactivity", ClickBodies.Form(click), ClickBodies.ContentType));
        var publish = await harness.Slack.WaitForCallAsync("views.publish");

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(publish.Arg("user_id"), Is.EqualTo("U0MEMBER1"));
        Assert.That(publish.Header("Authorization"), Is.EqualTo("Bearer " + OrgToken));
        Assert.That(await harness.QueryAsync<(string, long)>("SELECT team_id, opted_out FROM person_settings WHERE user_id = 'U0MEMBER1'"),
            Is.EqualTo(new[] { ("T0WORKSPACE4", 1L) }));
    }

    [Test]
    public async Task When_the_org_wide_install_leaves_its_workspaces_data_goes_with_it()
    {
        await using var harness = await InstallHarness.StartAsync(f => f.With("Retention:UninstalledTeamDays", "0"));
        await InstallOrgAsync(harness);
        await PostAsync(harness, "EvOrg", "T0WORKSPACE1", "E12345678", orgWide: true);
        await harness.Attempts.WaitForAsync(1);
        Assert.That(await harness.QueryAsync<long>("SELECT count(*) FROM findings WHERE team_id = 'T0WORKSPACE1'"), Is.EqualTo(new[] { 1L }));

        var uninstalled = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T0WORKSPACE1",
            ["enterprise_id"] = "E12345678",
            ["is_enterprise_install"] = true,
            ["api_app_id"] = "A0KRD7HC3",
            ["event_id"] = "EvOrgGone",
            ["event_time"] = 1700000000,
            ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
        };
        using (var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", uninstalled.ToJsonString())))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Factory.Processed.WaitForAsync(2);
        Assert.That(await harness.QueryAsync<long>("""
            SELECT (SELECT count(*) FROM findings) + (SELECT count(*) FROM nudges) + (SELECT count(*) FROM nudge_attempts)
                 + (SELECT count(*) FROM installations) + (SELECT count(*) FROM installation_teams)
            """), Is.EqualTo(new[] { 0L }));
    }

    private static async Task PostAsync(InstallHarness harness, string eventId, string team, string enterprise, bool orgWide)
    {
        var body = JsonNode.Parse(Payloads.MessageEvent(eventId, text: "can you send me the Q3 numbers asap", channel: "C0CHAN001",
            user: "U0AUTHOR1", ts: MessageTs.FromInstant(harness.Factory.Time.GetUtcNow()).Value, team: team))!.AsObject();
        body["enterprise_id"] = enterprise;
        body["is_enterprise_install"] = orgWide;
        using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }
}
