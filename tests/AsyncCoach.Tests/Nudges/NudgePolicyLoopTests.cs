using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Pipeline;
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
        await factory.Services.GetRequiredService<INormsStore>().SetAsync(NudgeHarness.Team, "max_nudges_per_day", JsonValue.Create(1), "U0LEAD", CancellationToken.None);
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
    public async Task The_caps_hold_for_many_messages_written_in_one_round()
    {
        // One inbox round can hold several messages from the same author; the caps must count
        // the nudges the round itself has added, not only what was stored before it.
        var factory = _harness.Start(withSender: false);
        var now = factory.Time.GetUtcNow();
        Finding Found(string rule, int message) => new(
            rule, new TeamId(NudgeHarness.Team), new ChannelId(NudgeHarness.Channel), MessageTs.FromInstant(now.AddSeconds(-message)), null,
            new UserId(NudgeHarness.Author), now, [], "tip");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sink = scope.ServiceProvider.GetRequiredService<IFindingSink>();
            var message = 0;
            foreach (var rule in new[] { RuleIds.VagueUrgency, RuleIds.VagueUrgency, RuleIds.MissingContext, RuleIds.VagueUrgency, RuleIds.HuddleInsteadOfThread, RuleIds.MessageBurst })
            {
                await sink.AcceptAsync([Found(rule, ++message)], CancellationToken.None);
            }

            await sink.CommitAsync(factory.Services.GetRequiredService<IStorage>(), CancellationToken.None);
        }

        var nudged = await _harness.QueryAsync<string>("SELECT r.rule_id FROM nudge_rules r JOIN nudges n ON n.id = r.nudge_id ORDER BY n.id");
        Assert.That(await FindingsAsync(), Is.EqualTo(6));
        Assert.That(nudged, Is.EqualTo(new[] { RuleIds.VagueUrgency, RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread }),
            "one nudge per rule and three a day, counted within the round");
    }

    [Test]
    public async Task A_snoozed_author_is_not_nudged()
    {
        var factory = _harness.Start();
        var people = factory.Services.GetRequiredService<IPersonSettingsStore>();
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
        var people = factory.Services.GetRequiredService<IPersonSettingsStore>();
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
        await factory.Services.GetRequiredService<INormsStore>().SetAsync(NudgeHarness.Team, "observe_mode", JsonValue.Create(true), "U0LEAD", CancellationToken.None);
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
        var people = factory.Services.GetRequiredService<IPersonSettingsStore>();
        await people.SaveAsync(NudgeHarness.Team, new PersonSettings(NudgeHarness.Author, null, null, factory.Time.GetUtcNow().AddHours(3), false), CancellationToken.None);
        using (await _harness.PostMessageAsync("EvSnoozedToo", "send me the numbers asap"))
        using (await _harness.PostMessageAsync("EvOther", "send me the numbers asap", user: "U0OTHER01", channel: "C0CHAN002"))
        {
        }

        var call = await _harness.Slack.WaitForCallAsync("chat.postEphemeral");
        Assert.That(call.Arg("user"), Is.EqualTo("U0OTHER01"));
    }
}
