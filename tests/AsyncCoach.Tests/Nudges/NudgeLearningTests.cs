using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Nudges;

/// <summary>
/// "Not helpful here" closes the loop: a phrase that enough different people mark stops triggering
/// its rule for the team, <c>/async norms</c> shows it with the command to undo it, and unlearning works.
/// </summary>
public sealed class NudgeLearningTests
{
    private const string Lead = "U0LEAD001";
    private const string Urgent = "send me the numbers asap";

    private NudgeHarness _harness = null!;
    private int _events;

    [SetUp]
    public async Task SetUp()
    {
        _events = 0; // NUnit reuses the fixture instance across tests
        _harness = await NudgeHarness.StartAsync();
        _harness.Start();
        await _harness.Factory.Services.GetRequiredService<INormsStore>()
            .SetAsync(NudgeHarness.Team, "leads", new JsonArray(Lead), "test", CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    /// <summary>Posts <paramref name="text"/> as <paramref name="author"/> and returns the rule ids it raised once processed.</summary>
    private async Task<IReadOnlyList<string>> PostAsync(string author, string text)
    {
        var ts = MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow().AddSeconds(++_events)).Value;
        using (await _harness.PostMessageAsync("EvLearn" + _events, text, ts: ts, user: author, channel: "C0LEARN" + _events))
        {
        }

        await _harness.Factory.Processed.WaitForAsync(_events);
        return await _harness.QueryAsync<string>("SELECT rule_id FROM findings WHERE message_ts = @Ts", new { Ts = ts });
    }

    private async Task MarkNotHelpfulAsync(string author, int nudges)
    {
        var id = (await _harness.Attempts.WaitForAsync(nudges))[nudges - 1].Id;
        var form = Payloads.Fixture("interactivity/botbuilder-BlockActionsBodyButton.txt");
        var json = JsonNode.Parse(WebUtility.UrlDecode(form["payload=".Length..]))!.AsObject();
        json["user"]!["id"] = author;
        json["team"]!["id"] = NudgeHarness.Team;
        json["actions"]![0]!["action_id"] = "nudge:not_helpful";
        json["actions"]![0]!["value"] = id.ToString(CultureInfo.InvariantCulture);
        json["response_url"] = _harness.Slack.ResponseUrl("nudge").ToString();
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest(
            "/slack/interactivity", "payload=" + WebUtility.UrlEncode(json.ToJsonString()), "application/x-www-form-urlencoded"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<string> NormsAsync(string text, string user)
    {
        var body = CommandBodies.Async(text, user, NudgeHarness.Team, responseUrl: _harness.Slack.ResponseUrl("command"));
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/commands", body, CommandBodies.ContentType));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!;
    }

    private async Task TeachAsync(params string[] authors)
    {
        for (var i = 0; i < authors.Length; i++)
        {
            Assert.That(await PostAsync(authors[i], Urgent), Does.Contain(RuleIds.VagueUrgency));
            await MarkNotHelpfulAsync(authors[i], i + 1);
        }
    }

    [Test]
    public async Task Three_people_marking_a_phrase_not_helpful_stop_it_and_norms_shows_how_to_undo_it()
    {
        await TeachAsync("U0AUTHOR1", "U0AUTHOR2", "U0AUTHOR3");

        Assert.That(await PostAsync("U0AUTHOR4", Urgent), Does.Not.Contain(RuleIds.VagueUrgency));
        Assert.That(await PostAsync("U0AUTHOR4", "need it immediately"), Does.Contain(RuleIds.VagueUrgency), "only the learned phrase is skipped");
        var norms = await NormsAsync("norms", "U0AUTHOR4");
        Assert.That(norms, Does.Contain("vague-urgency no longer fires on \"asap\"").And.Contain("/async norms unlearn vague-urgency \"asap\""));
    }

    [Test]
    public async Task Two_people_are_not_enough_by_default_and_one_person_counts_once()
    {
        await TeachAsync("U0AUTHOR1", "U0AUTHOR2");
        Assert.That(await PostAsync("U0AUTHOR1", Urgent), Does.Contain(RuleIds.VagueUrgency));

        Assert.That((await _harness.QueryAsync<long>("SELECT COUNT(DISTINCT user_id) FROM phrase_feedback WHERE phrase = 'asap'")).Single(), Is.EqualTo(2));
        Assert.That(await NormsAsync("norms", "U0AUTHOR1"), Does.Contain("Learned from feedback: nothing yet"));
    }

    [Test]
    public async Task The_threshold_is_a_norm()
    {
        Assert.That(await NormsAsync("norms set learn_after 1", Lead), Is.EqualTo("Done: learn_after is now 1."));

        await TeachAsync("U0AUTHOR1");

        Assert.That(await PostAsync("U0AUTHOR2", Urgent), Does.Not.Contain(RuleIds.VagueUrgency));
    }

    [Test]
    public async Task A_lead_can_unlearn_a_phrase_and_the_rule_fires_on_it_again()
    {
        await TeachAsync("U0AUTHOR1", "U0AUTHOR2", "U0AUTHOR3");

        var refused = await NormsAsync("norms unlearn vague-urgency \"asap\"", "U0AUTHOR1");
        var done = await NormsAsync("norms unlearn vague-urgency \u201casap\u201d", Lead);

        Assert.That(refused, Does.StartWith("Sorry, only the team's leads"));
        Assert.That(done, Is.EqualTo("Done: vague-urgency fires on \"asap\" again, and the \"Not helpful here\" marks on it are forgotten."));
        Assert.That(await PostAsync("U0AUTHOR4", Urgent), Does.Contain(RuleIds.VagueUrgency));
    }

    [TestCase("norms unlearn", "Tell me the rule and the phrase. Example: /async norms unlearn vague-urgency \"asap\"")]
    [TestCase("norms unlearn vague-urgency", "Tell me the rule and the phrase. Example: /async norms unlearn vague-urgency \"asap\"")]
    [TestCase("norms unlearn no-such-rule \"asap\"", "Tell me the rule and the phrase. Example: /async norms unlearn vague-urgency \"asap\"")]
    [TestCase("norms unlearn vague-urgency \"right away\"", "vague-urgency hasn't learned to skip \"right away\". `/async norms` lists what it has learned.")]
    public async Task Unlearn_with_bad_input_says_what_is_wrong_with_an_example(string command, string expected)
    {
        Assert.That(await NormsAsync(command, Lead), Is.EqualTo(expected));
    }
}
