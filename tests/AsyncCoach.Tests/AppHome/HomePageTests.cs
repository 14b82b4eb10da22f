using System.Text.Json;
using AsyncCoach.AppHome;
using AsyncCoach.Commands;
using AsyncCoach.Core.Norms;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.AppHome;

public sealed class HomePageTests
{
    private static HomePageModel Model(HomeNudgeState? nudges = null, IReadOnlyList<RuleWeeks>? findings = null, TeamNorms? norms = null) => new(
        "U0AUTHOR1",
        new HomeHours("09:00-17:00 mon-fri", "Europe/Berlin", Own: false),
        nudges ?? new HomeNudgeState(false, null),
        findings ?? [],
        NormsDescription.Describe(norms ?? TeamNorms.Default, defaultRetentionDays: 180));

    private static IEnumerable<string> Texts(HomeView view) =>
        view.Blocks.OfType<SectionBlock>().Select(s => s.Text?.Text ?? "");

    private static IEnumerable<string?> ActionIds(HomeView view) =>
        view.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Elements).Concat(view.Blocks.OfType<SectionBlock>().Select(s => s.Accessory))
            .Where(e => e is not null).Select(e => e!.ActionId);

    [Test]
    public void A_new_persons_page_shows_hours_with_a_change_button_nudges_on_no_findings_and_the_norms()
    {
        var view = HomePage.Build(Model());

        Assert.That(view.Validate(), Is.Empty);
        Assert.That(Texts(view), Has.Some.EqualTo("*Your working hours:* 09:00-17:00 mon-fri (Europe/Berlin)"));
        Assert.That(Texts(view), Has.Some.StartsWith("*Nudges:* on."));
        Assert.That(Texts(view), Has.Some.EqualTo("No findings at all. Nice."));
        Assert.That(Texts(view), Has.Some.StartsWith("*Your team's norms*"));
        Assert.That(ActionIds(view), Is.EquivalentTo(new[] { "home:edit_hours", "home:snooze_1h", "home:snooze_1d", "home:opt_out" }));
    }

    [Test]
    public void A_snoozed_person_gets_resume_and_an_opted_out_person_gets_opt_in()
    {
        var snoozed = HomePage.Build(Model(new HomeNudgeState(false, "2026-03-10 12:00 (Europe/Berlin)")));
        var optedOut = HomePage.Build(Model(new HomeNudgeState(true, "2026-03-10 12:00 (Europe/Berlin)")));

        Assert.That(Texts(snoozed), Has.Some.EqualTo("*Nudges:* snoozed until 2026-03-10 12:00 (Europe/Berlin)."));
        Assert.That(ActionIds(snoozed), Is.EquivalentTo(new[] { "home:edit_hours", "home:resume", "home:opt_out" }));
        Assert.That(Texts(optedOut), Has.Some.StartsWith("*Nudges:* off."));
        Assert.That(ActionIds(optedOut), Is.EquivalentTo(new[] { "home:edit_hours", "home:opt_in" }));
    }

    [Test]
    public void Each_rule_shows_the_last_week_the_change_and_a_four_week_trend()
    {
        var view = HomePage.Build(Model(findings: [new RuleWeeks("vague-urgency", 0, 1, 1, 3), new RuleWeeks("missing-context", 4, 2, 2, 1)]));

        Assert.That(Texts(view), Has.Some.EqualTo("*vague-urgency*: 3 in the last 7 days (▲2 on the week before) `▁▃▃▇`"));
        Assert.That(Texts(view), Has.Some.EqualTo("*missing-context*: 1 in the last 7 days (▼1 on the week before) `▇▃▃▂`"));
    }

    // The most a page can hold: many rules (some unknown to this version) and norms with hundreds of exempt channels.
    [Test]
    public void The_largest_page_stays_within_the_Home_tab_limits()
    {
        var rules = Enumerable.Range(0, 60).Select(i => new RuleWeeks($"custom-rule-{i:D2}", i + 1, i, i, i + 1)).ToList();
        var norms = TeamNorms.Default with
        {
            ExemptChannels = new HashSet<string>(Enumerable.Range(0, 2000).Select(i => $"C{i:D10}"), StringComparer.Ordinal),
        };

        var view = HomePage.Build(Model(findings: rules, norms: norms) with { Lead = new HomeLeadSection(new string('d', 5000)) });

        Assert.That(view.Validate(), Is.Empty);
        Assert.That(view.Blocks, Has.Count.LessThanOrEqualTo(BlockKitLimits.MaxViewBlocks));
        Assert.That(Texts(view), Has.Some.StartsWith("…and 40 more rules:"));
        var json = JsonSerializer.Serialize(new PublishViewRequest("U0AUTHOR1", view), SlackJsonContext.Default.PublishViewRequest);
        Assert.That(json, Does.Contain("C0000001999"), "the long norms are split over sections, not cut");
    }
}
