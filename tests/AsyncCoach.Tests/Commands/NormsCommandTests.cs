using AsyncCoach.Core.Model;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Commands;

/// <summary>/async norms: reading, permissions (member, lead, admin), bad input, and that a change reaches the rules.</summary>
public sealed class NormsCommandTests
{
    private const string Team = "T0001";
    private const string Admin = "UADMIN";
    private const string Lead = "ULEAD";
    private const string Member = "UMEMBER";

    private CommandHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await CommandHarness.StartAsync();
        _harness.Directory.Add(Admin, "Europe/Lisbon", isAdmin: true).Add(Lead, "Europe/Lisbon").Add(Member, "Europe/Lisbon");
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<string> AsAsync(string user, string text, string? channel = null, string? channelName = null) =>
        _harness.EphemeralTextAsync(text, user, Team, channel, channelName);

    private async Task<string?> StoredAsync() =>
        (await _harness.Factory.Services.GetRequiredService<INormsStore>().GetJsonAsync(Team, CancellationToken.None))?.ToJsonString();

    [Test]
    public async Task Anyone_can_read_the_norms_in_plain_words()
    {
        var reply = await AsAsync(Member, "norms");

        Assert.That(reply, Does.Contain("09:00-17:00 mon-fri").And.Contain("20 or more people").And.Contain("All rules are on")
            .And.Contain("Leads: none yet"));
    }

    [Test]
    public async Task A_member_is_refused_while_no_leads_are_set_and_told_admins_can_name_them()
    {
        var reply = await AsAsync(Member, "norms set broadcast_threshold 30");

        Assert.That(reply, Does.StartWith("Sorry, only workspace admins").And.Contain("/async norms set leads"));
        Assert.That(await StoredAsync(), Is.Null);
    }

    [Test]
    public async Task An_admin_names_leads_with_mentions_and_a_lead_can_then_change_norms_while_a_member_cannot()
    {
        var named = await AsAsync(Admin, $"norms set leads <@{Lead}|lea> <@U0BO>");
        Assert.That(named, Is.EqualTo($"Done: leads is now <@{Lead}>, <@U0BO>."));

        var refused = await AsAsync(Member, "norms set broadcast_threshold 30");
        Assert.That(refused, Does.StartWith($"Sorry, only the team's leads (<@U0BO>, <@{Lead}>) and workspace admins"));

        var changed = await AsAsync(Lead, "norms set broadcast_threshold 30");
        Assert.That(changed, Is.EqualTo("Done: broadcast_threshold is now 30."));
        Assert.That(await StoredAsync(), Does.Contain("\"broadcast_threshold\":30"));
        Assert.That(await AsAsync(Member, "norms"), Does.Contain("30 or more people").And.Contain($"<@{Lead}>"));
    }

    [Test]
    public async Task Leads_typed_as_plain_names_cannot_be_resolved_and_nothing_changes()
    {
        var reply = await AsAsync(Admin, "norms set leads @ana");

        Assert.That(reply, Does.Contain("I can't tell who \"@ana\" is").And.Contain("Example: /async norms set leads @ana @bo"));
        Assert.That(await StoredAsync(), Is.Null);
    }

    [TestCase("norms set broadcast_threshold many", "takes a whole number", TestName = "Norms command refuses a non-number and changes nothing")]
    [TestCase("norms set broadcast_threshold 0", "broadcast_threshold", TestName = "Norms command refuses an out-of-range number and changes nothing")]
    [TestCase("norms set nudge_mode loud", "expected ephemeral, dm or off", TestName = "Norms command refuses an unknown nudge mode and changes nothing")]
    [TestCase("norms set enabled_rules missing-context, be-nice", "unknown rule \"be-nice\"", TestName = "Norms command refuses an unknown rule and changes nothing")]
    [TestCase("norms set working_hours 09:00-25:00", "\"25:00\" is not a time of day", TestName = "Norms command refuses impossible team hours and changes nothing")]
    [TestCase("norms set working_hours 09:00-17:00 Europe/Lisbon", "leave the zone out", TestName = "Norms command refuses a zone on team hours and changes nothing")]
    [TestCase("norms set observe_mode maybe", "on or off", TestName = "Norms command refuses a non-boolean and changes nothing")]
    [TestCase("norms set loudness 11", "\"loudness\" is not a norm I know", TestName = "Norms command refuses an unknown key and changes nothing")]
    [TestCase("norms set broadcast_threshold", "Tell me the value too", TestName = "Norms command refuses a missing value and changes nothing")]
    [TestCase("norms set extra_phrases {greetings: moin", "takes JSON here", TestName = "Norms command refuses broken JSON and changes nothing")]
    [TestCase("norms unset loudness", "\"loudness\" is not a norm I know", TestName = "Norms command refuses unsetting an unknown key")]
    public async Task Bad_norms_get_a_one_line_error_with_an_example_and_nothing_changes(string text, string reason)
    {
        await AsAsync(Admin, "norms set max_nudges_per_day 2");
        var before = await StoredAsync();

        var reply = await AsAsync(Admin, text);

        Assert.That(reply, Does.Contain(reason).And.Contain("Example: /async norms").And.Not.Contain('\n'));
        Assert.That(await StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Urgent_markers_take_a_comma_list_or_JSON_and_extra_phrases_take_JSON()
    {
        Assert.That(await AsAsync(Admin, "norms set urgent_markers :fire:, SEV1"), Is.EqualTo("Done: urgent_markers is now :fire:, SEV1."));
        Assert.That(await StoredAsync(), Does.Contain("\"urgent_markers\":[\":fire:\",\"SEV1\"]"));

        await AsAsync(Admin, """norms set urgent_markers {"contains": [":fire:"], "starts_with": ["SEV1"]}""");
        await AsAsync(Admin, """norms set extra_phrases {"greetings": ["moin"]}""");
        var norms = await _harness.Factory.Services.GetRequiredService<INormsStore>().GetAsync(Team, CancellationToken.None);

        Assert.That(norms.UrgentMarkersContains, Is.EqualTo(new[] { ":fire:" }));
        Assert.That(norms.UrgentMarkersPrefixes, Is.EqualTo(new[] { "SEV1" }));
        Assert.That(norms.ExtraPhrases["greetings"], Is.EqualTo(new[] { "moin" }));
    }

    [Test]
    public async Task Unset_returns_a_key_to_its_default()
    {
        await AsAsync(Admin, "norms set broadcast_threshold 30");

        Assert.That(await AsAsync(Admin, "norms unset broadcast_threshold"), Is.EqualTo("Done: broadcast_threshold is back to its default."));
        Assert.That(await AsAsync(Member, "norms"), Does.Contain("20 or more people"));
    }

    [Test]
    public async Task Exempt_takes_a_channel_link_the_current_channel_by_name_or_no_argument_and_refuses_a_bare_name()
    {
        Assert.That(await AsAsync(Admin, "norms exempt <#C0INCIDENT|incidents>"), Does.StartWith("Done: no rule fires in <#C0INCIDENT>"));
        Assert.That(await AsAsync(Admin, "norms exempt #oncall", channel: "C0ONCALL", channelName: "oncall"), Does.StartWith("Done: no rule fires in <#C0ONCALL>"));
        Assert.That(await AsAsync(Admin, "norms exempt", channel: "C0HERE"), Does.StartWith("Done: no rule fires in <#C0HERE>"));
        Assert.That(await AsAsync(Admin, "norms exempt <#C0HERE>"), Is.EqualTo("<#C0HERE> is already exempt."));

        var bare = await AsAsync(Admin, "norms exempt #random", channel: "C0HERE", channelName: "general");
        Assert.That(bare, Does.StartWith("I can't tell which channel \"#random\" is").And.Contain("autocomplete"));

        Assert.That(await AsAsync(Admin, "norms unexempt <#C0HERE|here>"), Is.EqualTo("Done: the rules apply in <#C0HERE> again."));
        Assert.That(await StoredAsync(), Does.Contain("\"exempt_channels\":[\"C0INCIDENT\",\"C0ONCALL\"]"));
        Assert.That(await AsAsync(Member, "norms exempt <#C0X|x>"), Does.StartWith("Sorry"));
    }

    [Test]
    public async Task An_exemption_takes_effect_on_the_next_message_the_rules_see()
    {
        var before = await SendMessageAsync("Ev1", "C0INCIDENT", secondsLater: 0);
        await _harness.Factory.Processed.WaitForAsync(1);
        await AsAsync(Admin, "norms exempt <#C0INCIDENT|incidents>");
        var after = await SendMessageAsync("Ev2", "C0INCIDENT", secondsLater: 1);
        var elsewhere = await SendMessageAsync("Ev3", "C0GENERAL", secondsLater: 2);
        await _harness.Factory.Processed.WaitForAsync(3);

        Assert.That(await RulesFiredAsync("C0INCIDENT", before), Is.EqualTo(1), "before the exemption");
        Assert.That(await RulesFiredAsync("C0INCIDENT", after), Is.Zero, "after the exemption");
        Assert.That(await RulesFiredAsync("C0GENERAL", elsewhere), Is.EqualTo(1), "another channel");
    }

    [Test]
    public async Task Turning_a_rule_off_takes_effect_on_the_next_message_the_rules_see()
    {
        var before = await SendMessageAsync("Ev1", "C0GENERAL", secondsLater: 0);
        await _harness.Factory.Processed.WaitForAsync(1);
        await AsAsync(Admin, "norms set enabled_rules missing-context, vague-urgency");
        var after = await SendMessageAsync("Ev2", "C0GENERAL", secondsLater: 1);
        await _harness.Factory.Processed.WaitForAsync(2);

        Assert.That(await RulesFiredAsync("C0GENERAL", before), Is.EqualTo(1));
        Assert.That(await RulesFiredAsync("C0GENERAL", after), Is.Zero);
    }

    [Test]
    public async Task A_new_broadcast_threshold_takes_effect_on_the_next_message_the_rules_see()
    {
        _harness.Directory.WithMembers("C0ALL", 25);
        var before = await SendMessageAsync("Ev1", "C0ALL", secondsLater: 0, text: "<!channel> the lunch order is in the doc");
        await _harness.Factory.Processed.WaitForAsync(1);
        Assert.That(await AsAsync(Admin, "norms set broadcast_threshold 30"), Is.EqualTo("Done: broadcast_threshold is now 30."));
        var after = await SendMessageAsync("Ev2", "C0ALL", secondsLater: 1, text: "<!channel> the lunch order is in the doc");
        await _harness.Factory.Processed.WaitForAsync(2);

        Assert.That(await RulesFiredAsync("C0ALL", before), Is.EqualTo(1), "25 people reach the default threshold of 20");
        Assert.That(await RulesFiredAsync("C0ALL", after), Is.Zero, "25 people are below the new threshold of 30");
    }

    private async Task<string> SendMessageAsync(string eventId, string channel, int secondsLater, string text = "can we hop on a call about the migration?")
    {
        var ts = MessageTs.FromInstant(_harness.Factory.Time.GetUtcNow().AddSeconds(secondsLater)).Value;
        using var response = await _harness.Client.SendAsync(_harness.Factory.SignedRequest("/slack/events",
            Payloads.MessageEvent(eventId, text: text, channel: channel, user: Member, ts: ts, team: Team)));
        Assert.That(response.IsSuccessStatusCode, Is.True);
        return ts;
    }

    private Task<long> RulesFiredAsync(string channel, string ts) =>
        TestDatabase.ScalarAsync<long>(_harness.Factory.DatabasePath,
            $"SELECT COUNT(*) FROM findings WHERE team_id = '{Team}' AND channel_id = '{channel}' AND message_ts = '{ts}'");
}
