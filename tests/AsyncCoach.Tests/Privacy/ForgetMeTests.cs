using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Commands;
using AsyncCoach.Interactivity;
using AsyncCoach.Tests.Infrastructure;
using AsyncCoach.Tests.Nudges;

namespace AsyncCoach.Tests.Privacy;

/// <summary>
/// <c>/async forget-me</c> over HTTP against the live service and a fake Slack: the question, the
/// confirmation that deletes the person's own rows (only theirs, only in that team) and answers with
/// the counts, and every way a button or the command can be wrong.
/// </summary>
public sealed class ForgetMeTests
{
    private const string Team = NudgeHarness.Team;
    private const string Author = NudgeHarness.Author;
    private const string Other = "U0OTHER01";
    private const string OtherTeam = "T0OTHER";

    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await NudgeHarness.StartAsync();
        _harness.Start();
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task<JsonObject> CommandAsync(string text, string user = Author, string team = Team)
    {
        var form = CommandBodies.Async(text, user, team, responseUrl: _harness.Slack.ResponseUrl("command"));
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/commands", form, CommandBodies.ContentType));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<(HttpStatusCode Status, string Body)> ClickAsync(string actionId, string? value, string user = Author, string team = Team, string hook = "forget", bool withResponseUrl = true)
    {
        var payload = ClickBodies.Click(actionId, value, user, team, withResponseUrl ? _harness.Slack.ResponseUrl(hook) : null);
        using var response = await _harness.Client.SendAsync(
            _harness.Factory.SignedRequest("/slack/interactivity", ClickBodies.Form(payload), ClickBodies.ContentType));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The answer posted to the button's response_url (the <paramref name="count"/>th one).</summary>
    private async Task<(string Text, string? ReplaceOriginal)> AnswerAsync(int count = 1)
    {
        var call = await _harness.Slack.WaitForCallAsync("hooks/forget", count);
        return (call.Arg("text")!, call.Arg("replace_original"));
    }

    /// <summary>Asks, and returns the confirm button's value.</summary>
    private async Task<string> AskAsync(string user = Author, string team = Team)
    {
        var reply = await CommandAsync("forget-me", user, team);
        var buttons = reply["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!["elements"]!.AsArray();
        return (string)buttons.Single(b => (string?)b!["action_id"] == ForgetMeBlocks.Confirm)!["value"]!;
    }

    private Task<IReadOnlyList<long>> CountsAsync(string user, string team) => _harness.QueryAsync<long>("""
        SELECT count(*) FROM findings WHERE team_id = @Team AND author_id = @User
        UNION ALL SELECT count(*) FROM nudges WHERE team_id = @Team AND author_id = @User
        UNION ALL SELECT count(*) FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @Team AND author_id = @User)
        UNION ALL SELECT count(*) FROM nudge_feedback WHERE user_id = @User AND nudge_id IN (SELECT id FROM nudges WHERE team_id = @Team)
        UNION ALL SELECT count(*) FROM phrase_feedback WHERE team_id = @Team AND user_id = @User
        UNION ALL SELECT count(*) FROM person_settings WHERE team_id = @Team AND user_id = @User
        """, new { Team = team, User = user });

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Test]
    public async Task Forget_me_asks_privately_listing_what_would_be_deleted_with_a_confirm_and_a_cancel_button()
    {
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");

        var reply = await CommandAsync("forget-me");

        Assert.That((string?)reply["response_type"], Is.EqualTo("ephemeral"));
        var text = (string)reply["blocks"]![0]!["text"]!["text"]!;
        Assert.That(text, Does.Contain("findings about messages you wrote").And.Contain("nudges and digests sent to you")
            .And.Contain("your settings").And.Contain("your digest settings").And.Contain("unless you opt out (`/async optout`)"));
        var buttons = reply["blocks"]![1]!["elements"]!.AsArray();
        Assert.That(buttons.Select(b => (string?)b!["action_id"]), Is.EqualTo(new[] { ForgetMeBlocks.Confirm, ForgetMeBlocks.Cancel }));
        Assert.That((string?)buttons[0]!["style"], Is.EqualTo("danger"));
        Assert.That(await CountsAsync(Author, Team), Has.Member(1L), "nothing is deleted by asking");
    }

    [Test]
    public async Task Confirming_deletes_the_persons_own_data_in_that_team_at_once_and_answers_with_the_counts()
    {
        // A nudge for the author (with its finding, attempt and rules), their "Not helpful here" on it,
        // their own hours, and a Home tab publish.
        using (await _harness.PostMessageAsync("EvNudge", "send me the numbers asap"))
        {
        }

        var nudge = (await _harness.Attempts.WaitForAsync(1)).Single().Id;
        Assert.That((await ClickAsync("nudge:not_helpful", Id(nudge), hook: "nudge")).Status, Is.EqualTo(HttpStatusCode.OK));
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");
        Assert.That((await ClickAsync("home:snooze_1h", "x", hook: "home")).Status, Is.EqualTo(HttpStatusCode.OK));
        await _harness.Attempts.WaitForAsync(2);
        // What is not theirs, or not in this team: another person here, the same person in another team.
        await _harness.QueryAsync<long>("""
            INSERT INTO person_settings (team_id, user_id, opted_out, updated_at) VALUES ('T0001', 'U0OTHER01', 0, '2026-03-10T10:00:00.0000000Z'), ('T0OTHER', 'U0AUTHOR1', 0, '2026-03-10T10:00:00.0000000Z');
            INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
            SELECT 'T0OTHER', channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at FROM findings;
            INSERT INTO findings (team_id, channel_id, message_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
            SELECT team_id, channel_id, message_ts || '1', rule_id, 'U0OTHER01', at, evidence_json, recipients_json, created_at FROM findings WHERE team_id = 'T0001';
            SELECT 1;
            """);
        var before = await CountsAsync(Author, Team);
        var home = await _harness.QueryAsync<long>("SELECT count(*) FROM nudges WHERE kind = 'home' AND author_id = 'U0AUTHOR1'");
        Assert.That(before, Is.All.GreaterThan(0L));
        Assert.That(home.Single(), Is.EqualTo(1L));
        var others = await CountsAsync(Other, Team);
        var elsewhere = await CountsAsync(Author, OtherTeam);

        var (status, _) = await ClickAsync(ForgetMeBlocks.Confirm, await AskAsync());
        var (answer, replace) = await AnswerAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(replace, Is.EqualTo("true"), "the question is replaced by the answer");
        Assert.That(answer, Does.StartWith("Done. Deleted from AsyncCoach in this workspace:")
            .And.Contain($"• findings about messages you wrote: {before[0]}")
            .And.Contain($"• nudges and digests sent to you: {before[1] - 1}")
            .And.Contain("• your Home tab's publish records: 1")
            .And.Contain($"• delivery records of the nudges sent to you: {before[2]}")
            .And.Contain($"• answers you gave with a nudge's buttons: {before[3]}")
            .And.Contain($"• your \"Not helpful here\" marks on phrases: {before[4]}")
            .And.Contain("• your settings (hours, time zone, snooze, opt-out): 1")
            .And.EndWith("AsyncCoach still coaches your future messages; `/async optout` stops that."));
        Assert.That(await CountsAsync(Author, Team), Is.All.EqualTo(0L));
        Assert.That(await CountsAsync(Other, Team), Is.EqualTo(others), "another person's data stays");
        Assert.That(await CountsAsync(Author, OtherTeam), Is.EqualTo(elsewhere), "the same person's data in another team stays");

        // Still coached: the next message is nudged as before, and the settings cache forgot the hours.
        _harness.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        using (await _harness.PostMessageAsync("EvAfter", "send me the slides asap"))
        {
        }

        await _harness.Attempts.WaitForAsync(3);
        Assert.That((await CommandAsync("hours"))["text"]!.ToString(), Does.Not.Contain("08:00-16:00"));
    }

    [Test]
    public async Task A_person_who_had_opted_out_stays_opted_out()
    {
        await CommandAsync("optout");

        await ClickAsync(ForgetMeBlocks.Confirm, await AskAsync());
        var (answer, _) = await AnswerAsync();

        Assert.That(answer, Does.Contain("• your settings (hours, time zone, snooze, opt-out): 1").And.Contain("You stay opted out"));
        Assert.That(await _harness.QueryAsync<(long, string?)>("SELECT opted_out, hours FROM person_settings WHERE user_id = 'U0AUTHOR1'"),
            Is.EqualTo(new[] { (1L, (string?)null) }));
    }

    [Test]
    public async Task Nothing_stored_is_answered_plainly()
    {
        await ClickAsync(ForgetMeBlocks.Confirm, await AskAsync());

        Assert.That((await AnswerAsync()).Text, Does.StartWith("There was nothing of yours to delete in this workspace."));
    }

    [Test]
    public async Task Cancel_deletes_nothing()
    {
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");
        await AskAsync();

        var (status, _) = await ClickAsync(ForgetMeBlocks.Cancel, "cancel");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AnswerAsync(), Is.EqualTo((ForgetMeHandler.Cancelled, (string?)"true")));
        Assert.That(await _harness.QueryAsync<long>("SELECT count(*) FROM person_settings"), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task Words_after_forget_me_get_a_one_line_answer_and_no_button()
    {
        var reply = await CommandAsync("forget-me now");

        Assert.That((string?)reply["text"], Is.EqualTo(
            "`/async forget-me` takes nothing after it (you added \"now\"). Run `/async forget-me` on its own: it shows what would be deleted and asks you to confirm with a button."));
        Assert.That(reply["blocks"], Is.Null);
    }

    [TestCase("someone else's", Other, Team)]
    [TestCase("another team's", Author, OtherTeam)]
    public async Task A_confirmation_made_for_someone_else_deletes_nothing_and_says_so(string whose, string askedBy, string askedIn)
    {
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");
        var value = await AskAsync(askedBy, askedIn);

        var (status, _) = await ClickAsync(ForgetMeBlocks.Confirm, value);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), whose);
        Assert.That(await AnswerAsync(), Is.EqualTo((ForgetMeHandler.NotYours, (string?)"false")));
        Assert.That(await _harness.QueryAsync<long>("SELECT count(*) FROM person_settings WHERE user_id = 'U0AUTHOR1'"), Is.EqualTo(new[] { 1L }));
    }

    [TestCase("")]
    [TestCase("T0001|U0AUTHOR1")]
    [TestCase("T0001|U0AUTHOR1|soon")]
    [TestCase("T0001|U0AUTHOR1|99999999999999999999")]
    public async Task A_forged_value_deletes_nothing_and_says_so(string value)
    {
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");

        await ClickAsync(ForgetMeBlocks.Confirm, value);

        Assert.That((await AnswerAsync()).Text, Is.EqualTo(ForgetMeHandler.NotYours));
        Assert.That(await _harness.QueryAsync<long>("SELECT count(*) FROM person_settings"), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task A_confirmation_older_than_its_response_url_deletes_nothing_and_says_it_expired()
    {
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");
        var value = await AskAsync();
        _harness.Factory.Time.Advance(ForgetMeBlocks.Lifetime + TimeSpan.FromSeconds(1));

        await ClickAsync(ForgetMeBlocks.Confirm, value);

        Assert.That((await AnswerAsync()).Text, Is.EqualTo(ForgetMeHandler.Expired));
        Assert.That(await _harness.QueryAsync<long>("SELECT count(*) FROM person_settings"), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task A_click_without_a_response_url_is_refused_with_a_reason_and_deletes_nothing()
    {
        await CommandAsync("hours 08:00-16:00 Europe/Lisbon");

        var (status, body) = await ClickAsync(ForgetMeBlocks.Confirm, await AskAsync(), withResponseUrl: false);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("no response_url"));
        Assert.That(await _harness.QueryAsync<long>("SELECT count(*) FROM person_settings"), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task The_help_text_lists_forget_me()
    {
        var reply = await CommandAsync("help");

        Assert.That((string?)reply["text"], Does.Contain("`/async forget-me`: delete what AsyncCoach keeps about you in this workspace"));
    }
}
