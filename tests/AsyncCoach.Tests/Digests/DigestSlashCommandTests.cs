using System.Text.Json.Nodes;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// <c>/async digest</c> end to end over HTTP (signed commands to the real service): a lead's
/// setting and preview, a non-lead's polite answer naming the leads, and each kind of bad input
/// answered in one line with an example.
/// </summary>
public sealed class DigestSlashCommandTests
{
    private const string Team = "T0001";
    private const string Lead = "ULEAD";
    private const string Member = "UMEMBER";

    private CommandHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _harness = await CommandHarness.StartAsync();
        _harness.Directory.Add(Lead, "Europe/Lisbon").Add(Member, "Europe/Lisbon").Add("UADMIN", "Europe/Lisbon", isAdmin: true);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private Task<string> AsAsync(string user, string text) => _harness.EphemeralTextAsync(text, user, Team);

    private Task NameLeadAsync() =>
        _harness.Factory.Services.GetRequiredService<INormsStore>().SetAsync(Team, "leads", new JsonArray(Lead, "U0BO"), "test", CancellationToken.None);

    private Task<DigestSetting?> StoredAsync() =>
        _harness.Factory.Services.GetRequiredService<IDigestSettingsStore>().GetAsync(Team, Lead, CancellationToken.None);

    [Test]
    public async Task A_lead_previews_this_weeks_digest_privately_as_Block_Kit()
    {
        await NameLeadAsync();

        var reply = await _harness.SendAsync("digest preview", Lead, Team);

        Assert.That((string?)reply["response_type"], Is.EqualTo("ephemeral"));
        var blocks = reply["blocks"]!.AsArray();
        Assert.That((string?)blocks[0]!["type"], Is.EqualTo("header"));
        Assert.That(blocks, Has.Count.InRange(2, 50));
        Assert.That((string?)blocks[^1]!["type"], Is.EqualTo("context"));
        Assert.That((string?)reply["text"], Is.Not.Empty);
    }

    [Test]
    public async Task A_member_asking_for_a_preview_is_told_politely_who_the_leads_are()
    {
        await NameLeadAsync();

        var reply = await AsAsync(Member, "digest preview");

        Assert.That(reply, Is.EqualTo($"Weekly digests go to the team's leads (<@U0BO>, <@{Lead}>). Ask one of them, or see your own figures with `/async stats`."));
    }

    [Test]
    public async Task With_no_leads_set_anyone_is_told_an_admin_can_name_them()
    {
        var reply = await AsAsync(Member, "digest");

        Assert.That(reply, Does.StartWith("Weekly digests go to the team's leads, and none are set yet").And.Contain("/async norms set leads"));
    }

    [Test]
    public async Task A_lead_sees_the_default_setting_in_their_own_zone()
    {
        await NameLeadAsync();

        var reply = await AsAsync(Lead, "digest");

        Assert.That(reply, Does.StartWith("Your weekly digest comes every Monday at 09:00 (Europe/Lisbon) and covers the whole workspace; next: "));
    }

    [Test]
    public async Task A_lead_moves_the_digest_narrows_it_to_channels_and_turns_it_off()
    {
        await NameLeadAsync();

        Assert.That(await AsAsync(Lead, "digest at wed 16:30"), Does.StartWith("Done. Your weekly digest comes every Wednesday at 16:30 (Europe/Lisbon)"));
        Assert.That(await AsAsync(Lead, "digest channels <#C0ENG|eng> <#C0DESIGN|design>"), Does.Contain("covers <#C0DESIGN> <#C0ENG>"));
        var stored = await StoredAsync();
        Assert.That((stored!.Enabled, stored.Weekday, stored.LocalTime), Is.EqualTo((true, 3, new TimeOnly(16, 30))));
        Assert.That(stored.Channels, Is.EqualTo(new[] { "C0DESIGN", "C0ENG" }));

        Assert.That(await AsAsync(Lead, "digest channels all"), Does.Contain("covers the whole workspace"));
        Assert.That((await StoredAsync())!.Channels, Is.Null);

        Assert.That(await AsAsync(Lead, "digest off"), Does.StartWith("Done: no more weekly digests for you."));
        Assert.That((await StoredAsync())!.Enabled, Is.False);
        Assert.That(await AsAsync(Lead, "digest"), Does.StartWith("Your weekly digest is off."));
    }

    [TestCase("digest at", "Tell me a day and a 24-hour time. Example: /async digest at mon 09:00")]
    [TestCase("digest at someday 09:00", "\"someday\" is not a day (mon, tue, wed, thu, fri, sat or sun). Example: /async digest at mon 09:00")]
    [TestCase("digest at mon 25:00", "\"25:00\" is not a 24-hour time like 09:00 or 16:30. Example: /async digest at mon 09:00")]
    [TestCase("digest at mon 9am", "\"9am\" is not a 24-hour time like 09:00 or 16:30. Example: /async digest at mon 09:00")]
    [TestCase("digest channels", "Tell me which channels. Example: /async digest channels #eng #design (pick channels from Slack's # autocomplete), or /async digest channels all")]
    [TestCase("digest channels #eng", "I can't tell which channel \"#eng\" is from its name alone. Example: /async digest channels #eng #design (pick channels from Slack's # autocomplete), or /async digest channels all")]
    public async Task Bad_input_gets_one_line_with_an_example_and_changes_nothing(string command, string answer)
    {
        await NameLeadAsync();

        Assert.That(await AsAsync(Lead, command), Is.EqualTo(answer));

        // The scheduler may have recorded the lead with the default setting; nothing else changed.
        var stored = await StoredAsync();
        Assert.That(stored is null || (stored.Enabled && stored.Weekday == 1 && stored.LocalTime == new TimeOnly(9, 0) && stored.Channels is null), Is.True);
    }

    [Test]
    public async Task An_unknown_digest_command_lists_the_ones_there_are()
    {
        await NameLeadAsync();

        Assert.That(await AsAsync(Lead, "digest weekly"), Does.StartWith("\"weekly\" is not a digest command. Try `/async digest` (your setting), `/async digest at mon 09:00`"));
    }

    [Test]
    public async Task The_privacy_floor_norm_cannot_go_below_three()
    {
        await _harness.Factory.Services.GetRequiredService<INormsStore>().SetAsync(Team, "leads", new JsonArray(Lead), "test", CancellationToken.None);

        Assert.That(await AsAsync(Lead, "norms set digest_min_group 2"), Does.StartWith("That value doesn't work: key \"digest_min_group\": expected a whole number from 3 to 50."));
        Assert.That(await AsAsync(Lead, "norms set digest_min_group 7"), Is.EqualTo("Done: digest_min_group is now 7."));
        var norms = await _harness.Factory.Services.GetRequiredService<INormsStore>().GetAsync(Team, CancellationToken.None);
        Assert.That(norms.DigestMinGroup, Is.EqualTo(7));
    }
}
