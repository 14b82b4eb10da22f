using System.Text.Json.Nodes;
using AsyncCoach.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Nudges;

/// <summary>Caps, snooze, opt-out and observe mode hold end to end; findings are recorded either way.</summary>
public sealed class NudgePolicyLoopTests
{
    private NudgeHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await NudgeHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task<long> FindingsAsync() => (await _harness.QueryAsync<long>("SELECT COUNT(*) FROM findings")).Single();

    private async Task<long> NudgesAsync() => (await _harness.QueryAsync<long>("SELECT COUNT(*) FROM nudges")).Single();

    [Test]
    public async Task The_same_rule_nudges_an_author_once_a_day_but_every_finding_is_recorded()
    {
        var factory = _harness.Start();
        using (await _harness.PostMessageAsync("EvCap1", "send me the numbers asap"))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        using (await _harness.PostMessageAsync("EvCap2", "need the slides asap", channel: "C0CHAN002"))
        {
        }

        await factory.Processed.WaitForAsync(2);

        Assert.That(await FindingsAsync(), Is.EqualTo(2));
        Assert.That(await NudgesAsync(), Is.EqualTo(1));
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_per_rule_cap_resets_on_the_authors_next_day()
    {
        var factory = _harness.Start();
        using (await _harness.PostMessageAsync("EvDay1", "send me the numbers asap"))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        factory.Time.Advance(TimeSpan.FromDays(1));
        using (await _harness.PostMessageAsync("EvDay2", "need the slides asap", channel: "C0CHAN002"))
        {
        }

        await _harness.Attempts.WaitForAsync(2);
        Assert.That(_harness.Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_daily_cap_holds_across_rules()
    {
        var factory = _harness.Start();
        await factory.Services.GetRequiredService<NormsStore>().SetAsync(NudgeHarness.Team, "max_nudges_per_day", JsonValue.Create(1), "U0LEAD", CancellationToken.None);
        using (await _harness.PostMessageAsync("EvDaily1", "send me the numbers asap"))
        {
        }

        await _harness.Attempts.WaitForAsync(1);
        using (await _harness.PostMessageAsync("EvDaily2", "can we hop on a call?", channel: "C0CHAN002"))
        {
        }

        await factory.Processed.WaitForAsync(2);

        Assert.That(await FindingsAsync(), Is.EqualTo(2));
        Assert.That(await NudgesAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_snoozed_author_is_not_nudged()
    {
        var factory = _harness.Start();
        var people = factory.Services.GetRequiredService<PersonSettingsStore>();
        await people.SaveAsync(NudgeHarness.Team, new PersonSettings(NudgeHarness.Author, null, null, factory.Time.GetUtcNow().AddHours(3), false), CancellationToken.None);
        using (await _harness.PostMessageAsync("EvSnoozed", "send me the numbers asap"))
        {
        }

        await factory.Processed.WaitForAsync(1);

        Assert.That(await FindingsAsync(), Is.EqualTo(1));
        Assert.That(await NudgesAsync(), Is.Zero);
    }

    [Test]
    public async Task An_opted_out_author_is_not_nudged()
    {
        var factory = _harness.Start();
        var people = factory.Services.GetRequiredService<PersonSettingsStore>();
        await people.SaveAsync(NudgeHarness.Team, new PersonSettings(NudgeHarness.Author, null, null, null, true), CancellationToken.None);
        using (await _harness.PostMessageAsync("EvOptedOut", "send me the numbers asap"))
        {
        }

        await factory.Processed.WaitForAsync(1);

        Assert.That(await FindingsAsync(), Is.EqualTo(1));
        Assert.That(await NudgesAsync(), Is.Zero);
    }

    [Test]
    public async Task In_observe_mode_findings_are_recorded_and_nobody_is_nudged()
    {
        var factory = _harness.Start();
        await factory.Services.GetRequiredService<NormsStore>().SetAsync(NudgeHarness.Team, "observe_mode", JsonValue.Create(true), "U0LEAD", CancellationToken.None);
        using (await _harness.PostMessageAsync("EvObserve", "send me the numbers asap"))
        {
        }

        await factory.Processed.WaitForAsync(1);

        Assert.That(await FindingsAsync(), Is.EqualTo(1));
        Assert.That(await NudgesAsync(), Is.Zero);
    }

    [Test]
    public async Task Someone_else_is_still_nudged_while_one_author_is_snoozed()
    {
        var factory = _harness.Start();
        var people = factory.Services.GetRequiredService<PersonSettingsStore>();
        await people.SaveAsync(NudgeHarness.Team, new PersonSettings(NudgeHarness.Author, null, null, factory.Time.GetUtcNow().AddHours(3), false), CancellationToken.None);
        using (await _harness.PostMessageAsync("EvSnoozedToo", "send me the numbers asap"))
        using (await _harness.PostMessageAsync("EvOther", "send me the numbers asap", user: "U0OTHER01", channel: "C0CHAN002"))
        {
        }

        var call = await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        Assert.That(call.Arg("user"), Is.EqualTo("U0OTHER01"));
    }
}
