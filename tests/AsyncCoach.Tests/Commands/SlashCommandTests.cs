using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Commands;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Commands;

/// <summary>Every /async subcommand except norms, as signed form bodies over real HTTP.</summary>
public sealed class SlashCommandTests
{
    private CommandHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await CommandHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<PersonSettings> SettingsAsync(string user = CommandBodies.User) =>
        _harness.Factory.Services.GetRequiredService<IPersonSettingsStore>().GetAsync(CommandBodies.Team, user, CancellationToken.None);

    private static JsonNode Button(JsonObject reply) =>
        reply["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!;

    [Test]
    public async Task Stats_count_my_own_findings_by_rule_over_four_weeks_and_no_one_elses()
    {
        // The nudge's end is durable a little after the round that wrote it: wait for it to be recorded.
        await _harness.DisposeAsync();
        var nudges = new Nudges.NudgeProbe();
        _harness = await CommandHarness.StartAsync(s => s.AddSingleton<AsyncCoach.Nudges.INudgeObserver>(nudges));
        var ts = AsyncCoach.Core.Model.MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow()).Value;
        using var posted = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/events",
            Payloads.MessageEvent("EvStats", text: "can we hop on a call about the migration?", channel: "C77", user: "U5", ts: ts, team: "T0001")));
        await _harness.Factory.Processed.WaitForAsync(1);
        Assert.That((await nudges.WaitForAsync(1)).Single().Outcome, Is.EqualTo("ok"));

        var mine = await _harness.EphemeralTextAsync("stats", user: "U5", team: "T0001");
        var someoneElse = await _harness.EphemeralTextAsync("stats", user: "U6", team: "T0001");

        Assert.That(mine, Does.Contain("only you can see this").And.Contain("• huddle-instead-of-thread: 1").And.Contain("Nudges: 1 sent;"));
        Assert.That(someoneElse, Does.Contain("No findings at all").And.Not.Contain("huddle-instead-of-thread"));

        _harness.Factory.Time.Advance(TimeSpan.FromDays(29));
        Assert.That(await _harness.EphemeralTextAsync("stats", user: "U5", team: "T0001"), Does.Contain("No findings at all"));
    }

    [TestCase("help")]
    [TestCase("")]
    public async Task Help_and_an_empty_command_show_the_usage(string text)
    {
        var reply = await _harness.EphemeralTextAsync(text);

        Assert.That(reply, Does.Contain("/async hours").And.Contain("/async snooze").And.Contain("/async norms").And.Contain("/async stats"));
    }

    [Test]
    public async Task An_unknown_single_word_gets_the_usage_naming_it()
    {
        var reply = await _harness.EphemeralTextAsync("setings");

        Assert.That(reply, Does.StartWith("I don't know \"setings\"").And.Contain("/async classify setings").And.Contain("/async hours"));
    }

    [Test]
    public async Task Classify_answers_privately_in_Block_Kit_with_a_share_button_and_a_fallback_text()
    {
        var reply = await _harness.SendAsync("classify pick a vendor for CI");

        Assert.That((string?)reply["response_type"], Is.EqualTo("ephemeral"));
        Assert.That((string?)reply["text"], Does.StartWith("Tier 4 of 6: decide"));
        var blocks = reply["blocks"]!.AsArray();
        Assert.That(blocks.Count, Is.LessThanOrEqualTo(50));
        Assert.That(blocks.Select(b => (string?)b!["text"]?["text"]), Has.Some.Contains("Tier 4 of 6: decide"));
        Assert.That(blocks.Select(b => (string?)b!["text"]?["text"]), Has.Some.Contains("pick a vendor for CI"));
        var button = Button(reply);
        Assert.That((string?)button["action_id"], Is.EqualTo("classify:share"));
        Assert.That((string?)button["value"], Is.EqualTo("pick a vendor for CI"));
    }

    [Test]
    public async Task Text_that_is_not_a_subcommand_is_classified_as_a_task()
    {
        var reply = await _harness.SendAsync("review the Q3 launch plan draft");

        Assert.That((string?)reply["text"], Does.StartWith("Tier 3 of 6: review"));
    }

    [Test]
    public async Task Classify_shows_mentions_as_people_typed_them_and_escapes_the_task()
    {
        // With should_escape: true Slack sends people and links as <…> and & as &amp;.
        var reply = await _harness.SendAsync("classify review <@U123|ana>'s PR &amp; the <https://x.example|design doc>");
        var task = (string)reply["blocks"]![0]!["text"]!["text"]!;

        Assert.That(task, Does.Contain("review @ana's PR &amp; the design doc"));
        Assert.That((string?)Button(reply)["value"], Is.EqualTo("review @ana's PR & the design doc"));
    }

    [Test]
    public async Task Classify_without_a_task_asks_for_one()
    {
        var reply = await _harness.EphemeralTextAsync("classify");

        Assert.That(reply, Does.Contain("/async classify pick a vendor for CI"));
    }

    [Test]
    public async Task A_very_long_task_keeps_Block_Kit_limits()
    {
        var reply = await _harness.SendAsync("classify review " + string.Concat(Enumerable.Repeat("the launch plan ", 400)));

        foreach (var block in reply["blocks"]!.AsArray())
        {
            Assert.That(((string?)block!["text"]?["text"] ?? "").Length, Is.LessThanOrEqualTo(3000));
        }

        Assert.That(((string)Button(reply)["value"]!).Length, Is.LessThanOrEqualTo(2000));
    }

    [Test]
    public async Task Share_in_channel_posts_the_answer_visibly_through_the_response_url()
    {
        // botbuilder's real block_actions button body, with our button and a response_url.
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Payloads.Fixture("interactivity/botbuilder-BlockActionsBodyButton.txt"));
        var payload = JsonNode.Parse(form["payload"].ToString())!.AsObject();
        payload["response_url"] = _harness.Slack.ResponseUrl("share").ToString();
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = ClassificationBlocks.ShareActionId,
            ["block_id"] = "classify_actions",
            ["value"] = "pick a vendor for CI",
            ["action_ts"] = "1584059954.001000",
        });
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/interactivity",
            "payload=" + Uri.EscapeDataString(payload.ToJsonString()), CommandBodies.ContentType));

        var body = await _harness.PostedToAsync("share");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["response_type"], Is.EqualTo("in_channel"));
        Assert.That((bool?)body["replace_original"], Is.False);
        Assert.That((string?)body["text"], Does.StartWith("Tier 4 of 6: decide"));
        Assert.That((string?)body["blocks"]![0]!["text"]!["text"], Is.EqualTo("<@U045VRZFT> asked whether this needs a meeting: _pick a vendor for CI_"));
        Assert.That(body["blocks"]!.AsArray().Select(b => (string?)b!["type"]), Has.None.EqualTo("actions"), "no Share button in the channel");
    }

    [Test]
    public async Task A_share_click_without_a_response_url_gets_400_naming_what_is_missing()
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Payloads.Fixture("interactivity/botbuilder-BlockActionsBodyButton.txt"));
        var payload = JsonNode.Parse(form["payload"].ToString())!.AsObject();
        payload.Remove("response_url");
        payload["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = ClassificationBlocks.ShareActionId, ["value"] = "pick a vendor" });

        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/interactivity",
            "payload=" + Uri.EscapeDataString(payload.ToJsonString()), CommandBodies.ContentType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("classify:share needs a value, a user and a response_url"));
    }

    [Test]
    public async Task Hours_set_show_and_reset()
    {
        var saved = await _harness.EphemeralTextAsync("hours 8:30am-4:30pm mon-thu Europe/Lisbon");
        Assert.That(saved, Does.Contain("08:30-16:30 mon-thu (Europe/Lisbon)"));
        var stored = await SettingsAsync();
        Assert.That(stored.Hours, Is.EqualTo(new AsyncCoach.Core.Norms.WorkingHours(new TimeOnly(8, 30), new TimeOnly(16, 30),
            AsyncCoach.Core.Norms.WorkDays.Monday | AsyncCoach.Core.Norms.WorkDays.Tuesday | AsyncCoach.Core.Norms.WorkDays.Wednesday | AsyncCoach.Core.Norms.WorkDays.Thursday)));
        Assert.That(stored.TimeZone, Is.EqualTo("Europe/Lisbon"));

        Assert.That(await _harness.EphemeralTextAsync("hours"), Does.StartWith("Your working hours: 08:30-16:30 mon-thu (Europe/Lisbon)"));

        Assert.That(await _harness.EphemeralTextAsync("hours reset"), Does.Contain("the team's apply (09:00-17:00 mon-fri"));
        Assert.That((await SettingsAsync()).Hours, Is.Null);
        Assert.That(await _harness.EphemeralTextAsync("hours"), Does.StartWith("You haven't set your own hours").And.Contain("09:00-17:00 mon-fri"));
    }

    [Test]
    public async Task Hours_without_a_zone_keep_the_zone_set_before()
    {
        await _harness.SendAsync("hours 09:00-17:00 Asia/Tokyo");
        await _harness.SendAsync("hours 10:00-18:00 mon-fri");

        var stored = await SettingsAsync();
        Assert.That((stored.Hours!.Start, stored.TimeZone), Is.EqualTo((new TimeOnly(10, 0), "Asia/Tokyo")));
    }

    [TestCase("hours 25:00-17:00", "\"25:00\" is not a time of day", TestName = "Hours command refuses an impossible time and changes nothing")]
    [TestCase("hours 9:75-17:00", "\"9:75\" is not a time of day", TestName = "Hours command refuses impossible minutes and changes nothing")]
    [TestCase("hours 09:00-17:00 Mars/Olympus_Mons", "is not a time zone I know", TestName = "Hours command refuses an unknown zone and changes nothing")]
    [TestCase("hours 09:00-09:00", "same time", TestName = "Hours command refuses start equal to end and changes nothing")]
    [TestCase("hours 09:00-17:00 someday", "neither days", TestName = "Hours command refuses unknown days and changes nothing")]
    public async Task Bad_hours_get_a_one_line_error_with_an_example_and_nothing_changes(string text, string reason)
    {
        await _harness.SendAsync("hours 07:00-15:00 mon-fri UTC");

        var reply = await _harness.EphemeralTextAsync(text);

        Assert.That(reply, Does.Contain(reason).And.Contain("/async hours 08:30-16:30 mon-thu Europe/Lisbon").And.Not.Contain('\n'));
        var stored = await SettingsAsync();
        Assert.That((stored.Hours!.Start, stored.TimeZone), Is.EqualTo((new TimeOnly(7, 0), "UTC")));
    }

    [Test]
    public async Task Snooze_shows_as_active_until_it_passes()
    {
        var now = _harness.Factory.Time.GetUtcNow();
        var reply = await _harness.EphemeralTextAsync("snooze 2h");
        Assert.That(reply, Does.StartWith("Snoozed: no nudges until"));
        Assert.That((await SettingsAsync()).SnoozeUntil, Is.EqualTo(now.AddHours(2)));

        _harness.Factory.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.That(await _harness.EphemeralTextAsync("snooze"), Does.StartWith("Your nudges are snoozed until"));

        _harness.Factory.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await _harness.EphemeralTextAsync("snooze"), Does.StartWith("Your nudges are not snoozed"));
    }

    [Test]
    public async Task Snooze_until_a_date_is_read_in_the_persons_Slack_zone_and_off_ends_it()
    {
        _harness.Directory.Add(CommandBodies.User, timeZone: "Asia/Tokyo");
        var date = $"{_harness.Factory.Time.GetUtcNow().AddDays(30):yyyy-MM-dd}";

        var reply = await _harness.EphemeralTextAsync($"snooze until {date}");

        Assert.That(reply, Does.Contain($"{date} 00:00 (Asia/Tokyo)"));
        var until = (await SettingsAsync()).SnoozeUntil!.Value;
        Assert.That(until.ToOffset(TimeSpan.FromHours(9)).TimeOfDay, Is.EqualTo(TimeSpan.Zero));

        Assert.That(await _harness.EphemeralTextAsync("snooze off"), Does.StartWith("Snooze is off"));
        Assert.That((await SettingsAsync()).SnoozeUntil, Is.Null);
    }

    [TestCase("snooze until 2020-01-01", "already past", TestName = "Snooze command refuses a date in the past and changes nothing")]
    [TestCase("snooze soonish", "couldn't read", TestName = "Snooze command refuses words it cannot read and changes nothing")]
    [TestCase("snooze 400d", "at most 90 days", TestName = "Snooze command refuses too long a snooze and changes nothing")]
    public async Task Bad_snoozes_get_a_one_line_error_and_nothing_changes(string text, string reason)
    {
        await _harness.SendAsync("snooze 1h");
        var before = (await SettingsAsync()).SnoozeUntil;

        var reply = await _harness.EphemeralTextAsync(text);

        Assert.That(reply, Does.Contain(reason).And.Not.Contain('\n'));
        Assert.That((await SettingsAsync()).SnoozeUntil, Is.EqualTo(before).And.Not.Null);
    }

    [Test]
    public async Task Optout_and_optin_are_stored()
    {
        Assert.That(await _harness.EphemeralTextAsync("optout"), Does.StartWith("You're opted out"));
        Assert.That((await SettingsAsync()).OptedOut, Is.True);

        Assert.That(await _harness.EphemeralTextAsync("optin"), Does.StartWith("You're opted in"));
        Assert.That((await SettingsAsync()).OptedOut, Is.False);
    }
}
