using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IDigestStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class DigestStoreSuite(string provider) : ProviderSuite(provider)
{
    private static readonly DateTimeOffset End = Start;
    private static readonly DateTimeOffset[] Weeks = [End.AddDays(-7), End.AddDays(-14), End.AddDays(-21), End.AddDays(-28)];

    private StoreRows Rows => new(Provider);

    private async Task FillAsync()
    {
        var week0 = Weeks[0].AddDays(1);
        await Rows.FindingAsync("T1", "C1", "bare-greeting", "U1", week0);
        await Rows.FindingAsync("T1", "C1", "bare-greeting", "U1", week0.AddHours(1));
        await Rows.FindingAsync("T1", "C2", "bare-greeting", "U2", week0.AddHours(2));
        await Rows.FindingAsync("T1", "C1", "bare-greeting", "U3", Weeks[2].AddDays(1));
        await Rows.FindingAsync("T1", "C1", "after-hours-ping", "L", week0);
        await Rows.FindingAsync("T1", "C2", "huddle-instead-of-thread", "L", Weeks[1].AddDays(1));
        await Rows.FindingAsync("T1", "C1", "bare-greeting", "U1", End);
        await Rows.FindingAsync("T1", "C1", "bare-greeting", "U1", Weeks[3].AddDays(-5));
        await Rows.FindingAsync("T2", "C1", "bare-greeting", "U1", week0);

        await Rows.NudgeAsync("T1", "C1", "U1", "sent", week0, week0, rule: "bare-greeting", feedback: "thanks");
        await Rows.NudgeAsync("T1", "C2", "U2", "sent", week0, week0, rule: "bare-greeting", feedback: "not_helpful");
        await Rows.NudgeAsync("T1", "C1", "L", "sent", week0, week0, rule: "after-hours-ping", feedback: "thanks");
        await Rows.NudgeAsync("T1", "C1", "L", "sent", Weeks[1].AddDays(1), Weeks[1].AddDays(1), rule: "after-hours-ping");
        await Rows.NudgeAsync("T1", "C1", "U1", "pending", week0, rule: "bare-greeting");
        await Rows.NudgeAsync("T1", "U1", "U1", "sent", week0, week0, kind: "home");
        await Rows.RecountDigestCountersAsync();
    }

    private Task<DigestCounts> ReadAsync(string? channelsJson) =>
        Provider.Get<IDigestStore>().ReadAsync("T1", "L", Weeks, End, channelsJson, CancellationToken.None);

    [Test]
    public async Task The_week_counts_findings_per_rule_and_week_nudges_with_feedback_and_the_lead_s_own()
    {
        await FillAsync();

        var counts = await ReadAsync(null);

        Assert.That(counts.Rules, Is.EquivalentTo(new[]
        {
            new RuleWeekCount("after-hours-ping", 0, 1, 1), new RuleWeekCount("bare-greeting", 0, 3, 2),
            new RuleWeekCount("bare-greeting", 2, 1, 1), new RuleWeekCount("huddle-instead-of-thread", 1, 1, 1),
        }));
        Assert.That(counts.Nudges, Is.EquivalentTo(new[] { new RuleNudgeCount("after-hours-ping", 1, 1, 0, 1), new RuleNudgeCount("bare-greeting", 2, 1, 1, 2) }));
        Assert.That(counts.Lead, Is.EquivalentTo(new[]
        {
            new LeadCount(0, 1, 0, 1, 0, 0, 0), new LeadCount(1, 0, 1, 1, 0, 0, 0), new LeadCount(0, 0, 0, 0, 1, 1, 0), new LeadCount(1, 0, 0, 0, 1, 0, 0),
        }));
        Assert.That(counts.DataSince, Is.EqualTo(Weeks[3].AddDays(-5)));
    }

    [Test]
    public async Task Chosen_channels_narrow_findings_and_nudges_but_not_the_lead_s_own_counts()
    {
        await FillAsync();

        var all = await ReadAsync(null);
        var counts = await ReadAsync("""["C1"]""");

        Assert.That(counts.Rules, Is.EquivalentTo(new[]
        {
            new RuleWeekCount("after-hours-ping", 0, 1, 1), new RuleWeekCount("bare-greeting", 0, 2, 1), new RuleWeekCount("bare-greeting", 2, 1, 1),
        }));
        Assert.That(counts.Nudges, Is.EquivalentTo(new[] { new RuleNudgeCount("after-hours-ping", 1, 1, 0, 1), new RuleNudgeCount("bare-greeting", 1, 1, 0, 1) }));
        Assert.That(counts.Lead, Is.EquivalentTo(all.Lead));
    }

    [Test]
    public async Task A_team_without_findings_has_no_counts_and_no_start()
    {
        var counts = await ReadAsync(null);

        Assert.That(counts.Rules, Is.Empty);
        Assert.That(counts.Nudges, Is.Empty);
        Assert.That(counts.Lead, Is.Empty);
        Assert.That(counts.DataSince, Is.Null);
    }
}
