using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Nudges;

public sealed class NudgePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private static Finding Finding(string ruleId, DateTimeOffset? at = null) =>
        new(ruleId, new TeamId("T1"), new ChannelId("C1"), new MessageTs("1773136800.000100"), null, new UserId("U1"), at ?? Now, [], "tip");

    private static NudgeDecision Decide(
        IReadOnlyList<Finding>? findings = null, TeamNorms? norms = null, NudgeAuthorState? author = null, NudgeCounts? counts = null) =>
        NudgePolicy.Decide(new NudgeInput(
            findings ?? [Finding(RuleIds.VagueUrgency)], norms ?? TeamNorms.Default, author ?? NudgeAuthorState.None, counts ?? NudgeCounts.None, Now));

    private static NudgeCounts Counts(int today, params (string Rule, int Count)[] perRule) =>
        new(today, perRule.ToDictionary(p => p.Rule, p => p.Count, StringComparer.Ordinal));

    [Test]
    public void Counts_after_a_nudge_add_one_to_the_day_and_one_to_each_of_its_rules()
    {
        var before = Counts(1, (RuleIds.VagueUrgency, 1));
        var after = before.WithNudge([RuleIds.VagueUrgency, RuleIds.MissingContext, RuleIds.MissingContext]);

        Assert.That(after.Today, Is.EqualTo(2));
        Assert.That(after.PerRuleToday, Is.EquivalentTo(new Dictionary<string, int>
        {
            [RuleIds.VagueUrgency] = 2,
            [RuleIds.MissingContext] = 1,
        }));
        Assert.That(before.Today, Is.EqualTo(1), "the counts it started from are left as they were");
        Assert.That(before.PerRuleToday, Has.Count.EqualTo(1));
    }

    [Test]
    public void By_default_a_finding_becomes_an_ephemeral_nudge_fresh_for_ten_minutes()
    {
        var decision = Decide();
        Assert.That(decision.Nudges, Is.True);
        Assert.That(decision.Delivery, Is.EqualTo(NudgeDelivery.Ephemeral));
        Assert.That(decision.ExpiresAt, Is.EqualTo(Now.AddMinutes(10)));
    }

    [Test]
    public void Several_findings_of_one_message_combine_into_one_nudge() =>
        Assert.That(Decide([Finding(RuleIds.VagueUrgency), Finding(RuleIds.MissingContext)]).Findings.Select(f => f.RuleId),
            Is.EqualTo(new[] { RuleIds.VagueUrgency, RuleIds.MissingContext }));

    [Test]
    public void No_findings_no_nudge() => Assert.That(Decide(findings: []).Skip, Is.EqualTo(NudgeSkip.NoFindings));

    [Test]
    public void Dm_mode_delivers_as_a_dm() => Assert.That(Decide(norms: TeamNorms.Default with { NudgeMode = NudgeMode.Dm }).Delivery, Is.EqualTo(NudgeDelivery.Dm));

    [Test]
    public void Off_mode_sends_nothing() => Assert.That(Decide(norms: TeamNorms.Default with { NudgeMode = NudgeMode.Off }).Skip, Is.EqualTo(NudgeSkip.ModeOff));

    [Test]
    public void Observe_mode_sends_nothing() => Assert.That(Decide(norms: TeamNorms.Default with { ObserveMode = true }).Skip, Is.EqualTo(NudgeSkip.ObserveMode));

    [Test]
    public void An_opted_out_author_gets_nothing() => Assert.That(Decide(author: new NudgeAuthorState(null, true)).Skip, Is.EqualTo(NudgeSkip.OptedOut));

    [Test]
    public void A_snooze_holds_until_its_end_exclusive()
    {
        Assert.That(Decide(author: new NudgeAuthorState(Now.AddSeconds(1), false)).Skip, Is.EqualTo(NudgeSkip.Snoozed));
        Assert.That(Decide(author: new NudgeAuthorState(Now, false)).Nudges, Is.True);
    }

    [Test]
    public void The_daily_cap_counts_every_rule()
    {
        Assert.That(Decide(counts: Counts(3)).Skip, Is.EqualTo(NudgeSkip.DailyCap));
        Assert.That(Decide(counts: Counts(2)).Nudges, Is.True);
    }

    [Test]
    public void A_rule_already_nudged_today_is_dropped_and_the_rest_still_combine()
    {
        var decision = Decide([Finding(RuleIds.VagueUrgency), Finding(RuleIds.MissingContext)], counts: Counts(1, (RuleIds.VagueUrgency, 1)));
        Assert.That(decision.Findings.Select(f => f.RuleId), Is.EqualTo(new[] { RuleIds.MissingContext }));
    }

    [Test]
    public void Only_capped_rules_means_no_nudge() =>
        Assert.That(Decide(counts: Counts(1, (RuleIds.VagueUrgency, 1))).Skip, Is.EqualTo(NudgeSkip.RuleCap));

    [Test]
    public void The_team_can_raise_the_per_rule_cap() =>
        Assert.That(Decide(norms: TeamNorms.Default with { MaxNudgesPerRulePerDay = 2 }, counts: Counts(1, (RuleIds.VagueUrgency, 1))).Nudges, Is.True);

    [Test]
    public void A_message_older_than_the_freshness_window_is_not_nudged() =>
        Assert.That(Decide([Finding(RuleIds.VagueUrgency, Now.AddMinutes(-10))]).Skip, Is.EqualTo(NudgeSkip.Stale));

    [Test]
    public void Mode_is_checked_before_the_author_so_observe_mode_wins_over_snooze() =>
        Assert.That(Decide(norms: TeamNorms.Default with { ObserveMode = true }, author: new NudgeAuthorState(Now.AddHours(1), true)).Skip,
            Is.EqualTo(NudgeSkip.ObserveMode));

    [TestCase("2026-03-10T10:00:00Z", null, "2026-03-10T00:00:00Z", TestName = "No zone: the UTC day")]
    [TestCase("2026-03-10T10:00:00Z", "Nowhere/Atlantis", "2026-03-10T00:00:00Z", TestName = "An unknown zone: the UTC day")]
    [TestCase("2026-03-10T02:00:00Z", "America/New_York", "2026-03-09T04:00:00Z", TestName = "New York at 22:00 is still Monday there")]
    [TestCase("2026-03-10T20:00:00Z", "Asia/Tokyo", "2026-03-10T15:00:00Z", TestName = "Tokyo at 05:00 Wednesday started at its midnight")]
    [TestCase("2026-03-08T12:00:00Z", "America/New_York", "2026-03-08T05:00:00Z", TestName = "The day the US clocks change starts at EST midnight")]
    public void The_day_for_caps_is_the_authors_own(string now, string? zone, string expected) =>
        Assert.That(NudgeDay.StartOf(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone),
            Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
}
