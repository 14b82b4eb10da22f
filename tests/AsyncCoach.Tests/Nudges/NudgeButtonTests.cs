using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Nudges;

/// <summary>
/// POST /slack/interactivity with the real botbuilder block_actions bodies, their action id,
/// value, user, team and response_url rewritten into our scheme (the structure kept as captured).
/// </summary>
public sealed class NudgeButtonTests
{
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    /// <summary>Sends one nudge and returns its outbox id.</summary>
    private async Task<long> NudgeAsync()
    {
        _harness.Start();
        using (await _harness.PostMessageAsync("EvNudge", "send me the numbers asap"))
        {
        }

        return (await _harness.Attempts.WaitForAsync(1)).Single().Id;
    }

    private string Payload(string fixture, string actionId, string? value, string user = NudgeHarness.Author, string team = NudgeHarness.Team, bool withResponseUrl = true)
    {
        var form = Payloads.Fixture("interactivity/" + fixture);
        var json = JsonNode.Parse(WebUtility.UrlDecode(form["payload=".Length..]))!.AsObject();
        json["user"]!["id"] = user;
        json["team"]!["id"] = team;
        var action = json["actions"]![0]!.AsObject();
        action["action_id"] = actionId;
        action["value"] = value;
        if (withResponseUrl)
        {
            json["response_url"] = _harness.Slack.ResponseUrl("nudge").ToString();
        }
        else
        {
            json.Remove("response_url");
        }

        return "payload=" + WebUtility.UrlEncode(json.ToJsonString());
    }

    private async Task<(HttpStatusCode Status, string Body)> ClickAsync(string body)
    {
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/interactivity", body, "application/x-www-form-urlencoded"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [TestCase("botbuilder-BlockActionsBodyButton.txt")]
    [TestCase("botbuilder-BlockActionsBody.txt")]
    public async Task Thanks_is_recorded_and_the_nudge_replaced_with_a_short_acknowledgement(string fixture)
    {
        var id = await NudgeAsync();

        var (status, _) = await ClickAsync(Payload(fixture, "nudge:thanks", Id(id)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var reply = await _harness.Slack.WaitForCallAsync("hooks/nudge");
        Assert.That(reply.Arg("replace_original"), Is.EqualTo("true"));
        Assert.That(reply.Arg("text"), Does.StartWith("Thanks! Glad it helped."));
        Assert.That(await _harness.QueryAsync<string>("SELECT kind FROM nudge_feedback"), Is.EqualTo(new[] { "thanks" }));
        var summary = await _harness.Factory.Services.GetRequiredService<AsyncCoach.Pipeline.INudgeHistory>()
            .SummarizeAsync(NudgeHarness.Team, NudgeHarness.Author, NudgeHarness.Tuesday.AddDays(-1), CancellationToken.None);
        Assert.That(summary, Is.EqualTo(new AsyncCoach.Pipeline.NudgeSummary(1, 1, 0, 0, 0)));
    }

    [Test]
    public async Task Not_helpful_records_a_false_positive_report_against_the_rule()
    {
        var id = await NudgeAsync();

        var (status, _) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:not_helpful", Id(id)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var reply = await _harness.Slack.WaitForCallAsync("hooks/nudge");
        Assert.That(reply.Arg("text"), Does.Contain("_vague-urgency_"));
        var reports = await _harness.QueryAsync<string>(
            "SELECT r.rule_id FROM nudge_feedback f JOIN nudge_rules r ON r.nudge_id = f.nudge_id WHERE f.kind = 'not_helpful'");
        Assert.That(reports, Is.EqualTo(new[] { "vague-urgency" }));
    }

    [Test]
    public async Task Snooze_for_today_stops_nudges_until_the_authors_next_day()
    {
        var id = await NudgeAsync();

        var (status, _) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:snooze_today", Id(id)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var settings = await _harness.Factory.Services.GetRequiredService<IPersonSettingsStore>()
            .GetAsync(NudgeHarness.Team, NudgeHarness.Author, CancellationToken.None);
        // The fake directory gives everyone Europe/London: midnight there on Wednesday 11 March is 00:00 UTC.
        Assert.That(settings.SnoozeUntil, Is.EqualTo(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero)));

        using (await _harness.PostMessageAsync("EvAfterSnooze", "can we hop on a call?", channel: "C0CHAN002"))
        {
        }

        await _harness.Factory.Processed.WaitForAsync(2);
        Assert.That((await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges")).Single(), Is.EqualTo(1));
    }

    [Test]
    public async Task Why_explains_the_norm_and_how_to_change_it()
    {
        var id = await NudgeAsync();

        var (status, _) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:why", Id(id)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var reply = await _harness.Slack.WaitForCallAsync("hooks/nudge");
        Assert.That(reply.Arg("text"), Does.Contain("/async norms").And.Contain("_vague-urgency_"));
    }

    [Test]
    public async Task A_value_that_is_not_a_nudge_id_is_a_400_with_the_reason()
    {
        await NudgeAsync();
        var (status, body) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:thanks", "click_me_123"));
        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "nudge button value is not a nudge id")));
    }

    [Test]
    public async Task An_unknown_nudge_id_is_a_400()
    {
        var id = await NudgeAsync();
        var (status, body) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:thanks", Id(id + 100)));
        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "unknown nudge for this user")));
    }

    [Test]
    public async Task Someone_else_clicking_with_the_authors_nudge_id_is_a_400_and_nothing_is_recorded()
    {
        var id = await NudgeAsync();
        var (status, body) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:not_helpful", Id(id), user: "U0OTHER01"));
        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "unknown nudge for this user")));
        Assert.That(await _harness.QueryAsync<string>("SELECT kind FROM nudge_feedback"), Is.Empty);
    }

    [Test]
    public async Task A_nudge_id_from_another_team_is_a_400()
    {
        var id = await NudgeAsync();
        var (status, _) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:thanks", Id(id), team: "T0OTHER01"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_unknown_nudge_action_is_a_400()
    {
        var id = await NudgeAsync();
        var (status, body) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:delete_everything", Id(id)));
        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "unknown nudge action: nudge:delete_everything")));
    }

    [Test]
    public async Task A_payload_without_response_url_is_a_400()
    {
        var id = await NudgeAsync();
        var (status, body) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:thanks", Id(id), withResponseUrl: false));
        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "block_actions payload has no response_url")));
    }

    [Test]
    public async Task Clicking_thanks_twice_records_it_once()
    {
        var id = await NudgeAsync();
        await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:thanks", Id(id)));
        var (status, _) = await ClickAsync(Payload("botbuilder-BlockActionsBodyButton.txt", "nudge:thanks", Id(id)));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await _harness.QueryAsync<string>("SELECT kind FROM nudge_feedback"), Is.EqualTo(new[] { "thanks" }));
    }
}
