using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.AppHome;

/// <summary>
/// The Home tab over HTTP: signed events and interactions into the real service, views.publish
/// and views.open answered (and checked) by the fake Slack on 127.0.0.1, state read back from SQLite.
/// </summary>
public sealed class AppHomeEndToEndTests
{
    private const string Team = NudgeHarness.Team;
    private const string User = NudgeHarness.Author;
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await NudgeHarness.StartAsync();
        _harness.Start();
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task OpenHomeAsync(string eventId, string tab = "home")
    {
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/events", HomePayloads.Opened(eventId, User, Team, tab)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<(HttpStatusCode Status, string Body)> InteractAsync(string form)
    {
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/interactivity", form, "application/x-www-form-urlencoded"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<PersonSettings> SettingsAsync() =>
        _harness.Factory.Services.GetRequiredService<IPersonSettingsStore>().GetAsync(Team, User, CancellationToken.None);

    private static string ViewJson(AsyncCoach.Tests.Fakes.RecordedCall call) => call.Json!.Value.GetProperty("view").GetRawText();

    [Test]
    public async Task Opening_Home_twice_in_a_second_publishes_once_and_Slack_accepts_the_page()
    {
        await OpenHomeAsync("EvHome1");
        await OpenHomeAsync("EvHome2");
        await _harness.Factory.Processed.WaitForAsync(2);

        var attempts = await _harness.Attempts.WaitForAsync(1);
        var publish = await _harness.Slack.WaitForCallAsync("views.publish");

        Assert.That(attempts.Single().Outcome, Is.EqualTo("ok"), "the fake Slack checks the view as Slack does (type, 100 blocks, 250 kB)");
        Assert.That(publish.Arg("user_id"), Is.EqualTo(User));
        Assert.That(ViewJson(publish), Does.Contain("Your working hours").And.Contain("home:edit_hours"));
        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges WHERE kind = 'home'"), Is.EqualTo(new[] { 1L }));
        Assert.That(_harness.Slack.CallsTo("views.publish"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Opening_Home_again_after_the_window_publishes_again()
    {
        await OpenHomeAsync("EvHome1");
        await _harness.Attempts.WaitForAsync(1);

        _harness.Factory.Time.Advance(TimeSpan.FromSeconds(2));
        await OpenHomeAsync("EvHome2");

        await _harness.Slack.WaitForCallAsync("views.publish", count: 2);
        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges WHERE kind = 'home'"), Is.EqualTo(new[] { 2L }));
    }

    [Test]
    public async Task Opening_the_Messages_tab_publishes_nothing()
    {
        await OpenHomeAsync("EvMessagesTab", tab: "messages");
        await _harness.Factory.Processed.WaitForAsync(1);

        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges WHERE kind = 'home'"), Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task Snoozing_from_Home_saves_the_snooze_and_republishes_with_resume()
    {
        var now = _harness.Factory.Time.GetUtcNow();

        var (status, _) = await InteractAsync(HomePayloads.Click("home:snooze_1h", User, Team));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SettingsAsync()).SnoozeUntil, Is.EqualTo(now.AddHours(1)));
        var publish = await _harness.Slack.WaitForCallAsync("views.publish");
        Assert.That(ViewJson(publish), Does.Contain("snoozed until").And.Contain("home:resume"));
    }

    [Test]
    public async Task A_button_right_after_opening_still_republishes_the_changed_state()
    {
        await OpenHomeAsync("EvHome1");
        await _harness.Slack.WaitForCallAsync("views.publish");

        var (status, _) = await InteractAsync(HomePayloads.Click("home:opt_out", User, Team));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SettingsAsync()).OptedOut, Is.True);
        var second = await _harness.Slack.WaitForCallAsync("views.publish", count: 2);
        Assert.That(ViewJson(second), Does.Contain("home:opt_in").And.Not.Contain("home:opt_out"));

        await InteractAsync(HomePayloads.Click("home:opt_in", User, Team));
        Assert.That((await SettingsAsync()).OptedOut, Is.False);
    }

    [Test]
    public async Task Change_opens_the_hours_modal_with_the_clicks_trigger_id()
    {
        var (status, _) = await InteractAsync(HomePayloads.Click("home:edit_hours", User, Team));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var open = _harness.Slack.CallsTo("views.open").Single();
        Assert.That(open.Arg("trigger_id"), Is.EqualTo(HomePayloads.TriggerId));
        var view = open.Json!.Value.GetProperty("view");
        Assert.That(view.GetProperty("callback_id").GetString(), Is.EqualTo("home:hours"));
        // The fake directory's users.info gives Europe/London, the person's Slack zone.
        Assert.That(view.GetRawText(), Does.Contain("\"initial_value\":\"Europe/London\""));
    }

    [Test]
    public async Task An_unknown_home_button_is_a_400_with_the_action_id()
    {
        var (status, body) = await InteractAsync(HomePayloads.Click("home:delete_everything", User, Team));

        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "unknown home action: home:delete_everything")));
    }

    [Test]
    public async Task Change_without_a_trigger_id_is_a_400()
    {
        var (status, body) = await InteractAsync(HomePayloads.Click("home:edit_hours", User, Team, triggerId: null));

        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "block_actions payload has no trigger_id to open the hours modal with")));
    }

    [TestCase("25:00-17:00", "Europe/Berlin", "hours", "\"25:00\" is not a time of day")]
    [TestCase("09:00-17:00", "Europe/Atlantis", "zone", "\"Europe/Atlantis\" is not a time zone I know")]
    public async Task A_bad_submission_keeps_the_modal_open_with_the_reason_under_the_field(string hours, string zone, string field, string reason)
    {
        var (status, body) = await InteractAsync(HomePayloads.Form(HomePayloads.Submission(hours, zone, User, Team)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        using var answer = JsonDocument.Parse(body);
        Assert.That(answer.RootElement.GetProperty("response_action").GetString(), Is.EqualTo("errors"));
        Assert.That(answer.RootElement.GetProperty("errors").GetProperty(field).GetString(), Does.StartWith(reason));
        Assert.That((await SettingsAsync()).Hours, Is.Null, "nothing is saved");
        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges WHERE kind = 'home'"), Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task A_good_submission_saves_the_hours_closes_the_modal_and_republishes()
    {
        var (status, body) = await InteractAsync(HomePayloads.Form(HomePayloads.Submission("08:30-16:30 mon-thu", "Europe/Lisbon", User, Team)));

        Assert.That((status, body), Is.EqualTo((HttpStatusCode.OK, "")));
        var saved = await SettingsAsync();
        Assert.That((AsyncCoach.Norms.WorkingHoursText.Format(saved.Hours!), saved.TimeZone), Is.EqualTo(("08:30-16:30 mon-thu", "Europe/Lisbon")));
        var publish = await _harness.Slack.WaitForCallAsync("views.publish");
        Assert.That(ViewJson(publish), Does.Contain("08:30-16:30 mon-thu (Europe/Lisbon)"));
    }

    [Test]
    public async Task A_submission_of_a_modal_nobody_handles_is_a_400()
    {
        var (status, body) = await InteractAsync(HomePayloads.Form(HomePayloads.Submission("09:00-17:00", null, User, Team, callbackId: "other:modal")));

        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "unknown callback_id: other:modal")));
    }

    [Test]
    public async Task A_submission_without_a_user_is_a_400()
    {
        var payload = HomePayloads.Submission("09:00-17:00", null, User, Team);
        payload.Remove("user");

        var (status, body) = await InteractAsync(HomePayloads.Form(payload));

        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "view_submission payload has no user or team")));
    }

    [Test]
    public async Task A_home_click_without_a_team_is_a_400()
    {
        var (status, body) = await InteractAsync(HomePayloads.Click("home:snooze_1h", User, team: ""));

        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "block_actions payload has no user or team")));
    }

    private Task MakeLeadAsync() =>
        _harness.Factory.Services.GetRequiredService<INormsStore>().SetAsync(Team, "leads", new JsonArray(User), "test", CancellationToken.None);

    [Test]
    public async Task A_leads_page_shows_the_digest_setting_and_a_preview_button_and_others_do_not()
    {
        await OpenHomeAsync("EvHome1");
        var plain = await _harness.Slack.WaitForCallAsync("views.publish");
        await MakeLeadAsync();
        _harness.Factory.Time.Advance(TimeSpan.FromSeconds(2));

        await OpenHomeAsync("EvHome2");

        var lead = await _harness.Slack.WaitForCallAsync("views.publish", count: 2);
        Assert.That(ViewJson(plain), Does.Not.Contain("home:preview_digest"));
        Assert.That(ViewJson(lead), Does.Contain("home:preview_digest").And.Contain("Your weekly digest comes every Monday at 09:00 (Europe/London)"));
    }

    [Test]
    public async Task Preview_digest_sends_this_week_so_far_to_the_lead_alone()
    {
        await MakeLeadAsync();

        var (status, _) = await InteractAsync(HomePayloads.Click("home:preview_digest", User, Team));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var open = await _harness.Slack.WaitForCallAsync("conversations.open");
        var post = await _harness.Slack.WaitForCallAsync("chat.postMessage");
        Assert.That(open.Arg("users"), Is.EqualTo(User));
        Assert.That(post.Arg("channel"), Is.EqualTo("D0FAKE0001"));
        Assert.That(post.Arg("blocks"), Is.Not.Null);
        Assert.That((await _harness.Attempts.WaitForAsync(1)).Single().Outcome, Is.EqualTo("ok"));
        Assert.That(await _harness.QueryAsync<string>("SELECT state FROM nudges WHERE kind = 'digest-preview'"), Is.EqualTo(new[] { "sent" }));
    }

    [Test]
    public async Task Preview_digest_from_someone_who_is_not_a_lead_is_a_400_and_sends_nothing()
    {
        var (status, body) = await InteractAsync(HomePayloads.Click("home:preview_digest", User, Team));

        Assert.That((status, body.Trim()), Is.EqualTo((HttpStatusCode.BadRequest, "only the team's leads get a digest preview")));
        Assert.That(await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges"), Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task Own_findings_of_the_last_four_weeks_show_on_the_page()
    {
        // A vague-urgency finding, nudged; the Home page then counts it for its author.
        using (await _harness.PostMessageAsync("EvFinding", "send me the numbers asap"))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        await OpenHomeAsync("EvHome1");

        var publish = await _harness.Slack.WaitForCallAsync("views.publish");
        Assert.That(ViewJson(publish), Does.Contain("*vague-urgency*: 1 in the last 7 days"));
    }
}
