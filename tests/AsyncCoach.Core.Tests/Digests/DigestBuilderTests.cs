using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Digests.DigestInputs;

namespace AsyncCoach.Core.Tests.Digests;

public sealed class DigestBuilderTests
{
    [Test]
    public void A_rule_shows_this_week_last_week_the_change_and_a_four_week_trend()
    {
        var digest = DigestBuilder.Build(Team(40, Weeks(RuleIds.MissingContext, 7, 12, 3, 5, 8)));

        var rule = digest.Rules.Single(r => r.RuleId == RuleIds.MissingContext);
        Assert.That(rule.Shown, Is.True);
        Assert.That((rule.ThisWeek, rule.LastWeek, rule.People, rule.Change), Is.EqualTo((12, 3, 7, 9)));
        Assert.That(rule.Trend, Is.EqualTo(new int?[] { 8, 5, 3, 12 }), "oldest week first");
        Assert.That(Sparkline.Render(rule.Trend!), Is.EqualTo("▅▃▂▇"));
        Assert.That(DigestWording.Change(rule.Change), Is.EqualTo("▲ 9"));
        Assert.That(digest.Kind, Is.EqualTo(DigestKind.Full));
    }

    [Test]
    public void Every_known_rule_has_one_entry_in_rules_md_order()
    {
        var digest = DigestBuilder.Build(Team(40, Weeks(RuleIds.VagueUrgency, 6, 4, 4, 4, 4)));

        Assert.That(digest.Rules.Select(r => r.RuleId), Is.EqualTo(RuleIds.All));
    }

    [TestCase(4, false)]
    [TestCase(5, true)]
    [TestCase(40, true)]
    public void A_rule_is_shown_only_when_at_least_five_people_contributed(int people, bool shown)
    {
        var digest = DigestBuilder.Build(Team(40, Weeks(RuleIds.VagueUrgency, people, 9, 2, 2, 2)));

        var rule = digest.Rules.Single(r => r.RuleId == RuleIds.VagueUrgency);
        Assert.That(rule.Shown, Is.EqualTo(shown));
        Assert.That(digest.Other.ThisWeek, Is.EqualTo(shown ? 0 : 9));
        if (!shown)
        {
            Assert.That((rule.ThisWeek, rule.LastWeek, rule.People, rule.Trend), Is.EqualTo(((int?)null, (int?)null, (int?)null, (IReadOnlyList<int?>?)null)));
        }
    }

    [Test]
    public void A_rule_hit_by_one_person_only_is_folded_into_other_and_never_named()
    {
        var digest = DigestBuilder.Build(Team(40, [.. Weeks(RuleIds.BroadcastOveruse, 1, 30, 0, 0, 0), .. Weeks(RuleIds.MissingContext, 8, 10, 10, 10, 10)]));

        Assert.That(digest.Rules.Single(r => r.RuleId == RuleIds.BroadcastOveruse).Shown, Is.False);
        Assert.That(digest.Other, Is.EqualTo(new DigestOther(30, 0, 1)));
        Assert.That(digest.Suggestions.Select(s => s.RuleId), Has.None.EqualTo(RuleIds.BroadcastOveruse), "advice would name the folded rule");
        var text = string.Join("\n", DigestSections.Compose(digest).SelectMany(s => s.Lines));
        Assert.That(text, Does.Not.Contain(DigestWording.RuleTitle(RuleIds.BroadcastOveruse)));
        Assert.That(text, Does.Contain("Other (rules with fewer than 5 people): 30"));
    }

    [TestCase(4, DigestKind.BelowFloor)]
    [TestCase(5, DigestKind.Full)]
    [TestCase(40, DigestKind.Full)]
    public void A_team_below_the_floor_gets_totals_only(int people, DigestKind kind)
    {
        var digest = DigestBuilder.Build(Team(people, Weeks(RuleIds.MissingContext, Math.Min(people, 5), 12, 3, 5, 8)) with
        {
            Channels = [new("C1", "general", 12, people)],
            Activity = [new(DayOfWeek.Monday, PartOfDay.Evening, 40, 10, people)],
            Nudges = [new(RuleIds.MissingContext, 10, 1, 6, people)],
        });

        Assert.That(digest.Kind, Is.EqualTo(kind));
        Assert.That(digest.Totals.ThisWeek, Is.EqualTo(12));
        if (kind == DigestKind.BelowFloor)
        {
            Assert.That(digest.Rules.Where(r => r.Shown), Is.Empty);
            Assert.That(digest.Channels, Is.Empty);
            Assert.That(digest.AfterHours!.Slots, Is.Empty);
            Assert.That(digest.Nudges, Is.Empty);
            Assert.That(digest.Flagged, Is.Empty);
            Assert.That(digest.Suggestions, Is.Empty);
            Assert.That(digest.Footer, Does.Contain("Fewer than 5 people"));
        }
        else
        {
            Assert.That(digest.Channels.Single().Name, Is.EqualTo("general"));
            Assert.That(digest.AfterHours!.Slots.Single().Part, Is.EqualTo(PartOfDay.Evening));
            Assert.That(digest.Flagged.Single().NormKey, Is.EqualTo("grace_window_seconds"));
        }
    }

    [TestCase(1, 3)]
    [TestCase(3, 3)]
    [TestCase(8, 8)]
    public void The_floor_is_the_norm_but_never_below_three(int norm, int applied)
    {
        var digest = DigestBuilder.Build(Team(40, Weeks(RuleIds.VagueUrgency, 3, 5, 5, 5, 5)) with { MinGroup = norm });

        Assert.That(digest.MinGroup, Is.EqualTo(applied));
        Assert.That(digest.Rules.Single(r => r.RuleId == RuleIds.VagueUrgency).Shown, Is.EqualTo(applied <= 3));
        Assert.That(digest.Footer, Does.Contain($"at least {applied} people"));
    }

    [Test]
    public void A_quiet_week_gets_a_short_digest_with_one_suggestion()
    {
        var digest = DigestBuilder.Build(Team(12));

        Assert.That(digest.Kind, Is.EqualTo(DigestKind.Quiet));
        Assert.That(digest.Suggestions.Single().Practice, Is.EqualTo(DigestAdvice.AsyncWeek));
        var sections = DigestSections.Compose(digest);
        Assert.That(sections.Select(s => s.Id), Does.Not.Contain("rules"));
        Assert.That(sections[0].Lines.Single(), Does.StartWith("A quiet week"));
    }

    [Test]
    public void A_new_team_has_no_change_and_no_trend_before_its_first_day()
    {
        var input = Team(20, Weeks(RuleIds.MissingContext, 6, 9, 0, 0, 0)) with { DataSince = Monday.AddDays(2) };

        var digest = DigestBuilder.Build(input);

        var rule = digest.Rules.Single(r => r.RuleId == RuleIds.MissingContext);
        Assert.That(digest.Kind, Is.EqualTo(DigestKind.NewTeam));
        Assert.That(rule.LastWeek, Is.Null);
        Assert.That(rule.Change, Is.Null);
        Assert.That(rule.Trend, Is.EqualTo(new int?[] { null, null, null, 9 }));
        Assert.That(Sparkline.Render(rule.Trend!), Is.EqualTo("···▇"));
        Assert.That(digest.Totals.LastWeek, Is.Null);
        Assert.That(digest.AfterHours!.LastWeekShare, Is.Null);
        Assert.That(digest.Suggestions[0].Practice, Is.EqualTo(DigestAdvice.WriteThingsDown), "the biggest rule stands in for the change");
    }

    [Test]
    public void Suggestions_follow_the_biggest_rise()
    {
        var digest = DigestBuilder.Build(Team(40,
        [
            .. Weeks(RuleIds.MissingContext, 8, 12, 10, 10, 10),
            .. Weeks(RuleIds.HuddleInsteadOfThread, 6, 20, 5, 5, 5),
        ]));

        Assert.That(digest.Suggestions, Has.Count.EqualTo(2));
        Assert.That(digest.Suggestions[0], Is.EqualTo(new DigestSuggestion(DigestAdvice.WrittenUpdate, DigestAdvice.Describe(DigestAdvice.WrittenUpdate), RuleIds.HuddleInsteadOfThread)));
        Assert.That(digest.Suggestions[1].Practice, Is.EqualTo(DigestAdvice.WriteThingsDown));
    }

    [Test]
    public void With_nothing_rising_the_advice_is_an_async_week()
    {
        var digest = DigestBuilder.Build(Team(40, Weeks(RuleIds.MissingContext, 8, 4, 10, 10, 10)));

        Assert.That(digest.Suggestions.Single().Practice, Is.EqualTo(DigestAdvice.AsyncWeek));
    }

    [TestCase(10, 1, 6, true)]
    [TestCase(10, 3, 3, false)]
    [TestCase(10, 0, 2, false)]
    public void A_rule_mostly_marked_not_helpful_is_flagged_with_its_norm(int delivered, int thanks, int notHelpful, bool flagged)
    {
        var digest = DigestBuilder.Build(Team(40, Weeks(RuleIds.VagueUrgency, 8, 10, 10, 10, 10)) with
        {
            Nudges = [new(RuleIds.VagueUrgency, delivered, thanks, notHelpful, 8)],
        });

        Assert.That(digest.Nudges.Single(), Is.EqualTo(new DigestNudges(RuleIds.VagueUrgency, true, delivered, thanks, notHelpful)));
        Assert.That(digest.Flagged.Select(f => f.NormKey), flagged ? Is.EqualTo(new[] { "urgent_markers" }) : Is.Empty);
    }

    [Test]
    public void Nudges_that_reached_fewer_than_the_floor_are_not_broken_down()
    {
        var digest = DigestBuilder.Build(Team(40) with { Nudges = [new(RuleIds.AfterHoursPing, 9, 0, 9, 2)] });

        Assert.That(digest.Nudges.Single(), Is.EqualTo(new DigestNudges(RuleIds.AfterHoursPing, false, null, null, null)));
        Assert.That(digest.Flagged, Is.Empty);
    }

    [Test]
    public void After_hours_shows_the_share_and_only_slots_with_enough_people()
    {
        var digest = DigestBuilder.Build(Team(40) with
        {
            ActivityWeeks = [new(0, 200, 40, 30, 12), new(1, 200, 40, 10, 8)],
            Activity =
            [
                new(DayOfWeek.Monday, PartOfDay.Evening, 50, 14, 6),
                new(DayOfWeek.Tuesday, PartOfDay.Night, 10, 9, 5),
                new(DayOfWeek.Sunday, PartOfDay.Afternoon, 7, 7, 2),
            ],
        });

        var afterHours = digest.AfterHours!;
        Assert.That((afterHours.Share, afterHours.LastWeekShare), Is.EqualTo((0.15, (double?)0.05)));
        Assert.That(afterHours.Slots.Select(s => DigestWording.Slot(s.Day, s.Part)), Is.EqualTo(new[] { "Mon evening", "Tue night" }));
        Assert.That(afterHours.FoldedAfterHours, Is.EqualTo(7));
        Assert.That(digest.Suggestions[0].Practice, Is.EqualTo(DigestAdvice.SetExpectations), "a ten-point rise in the share");
    }

    [Test]
    public void The_leads_own_habits_get_their_own_section()
    {
        var digest = DigestBuilder.Build(Team(40) with
        {
            Lead = new LeadHabits(new LeadWeek(50, 4, 3, 2, 7, 1, 0, 1), new LeadWeek(40, 1, 1, 0, 2, 0, 0, 0)),
        });

        var lead = DigestSections.Compose(digest).Single(s => s.Id == "lead");
        Assert.That(lead.Title, Does.Contain("only you"));
        Assert.That(lead.Lines[0], Is.EqualTo("After-hours pings: 4 (last week 1), reaching 3 people outside their hours."));
        Assert.That(lead.Lines[1], Is.EqualTo("Calls proposed instead of a thread: 2 (last week 0)."));
    }

    [Test]
    public void Without_a_lead_there_is_no_lead_section()
    {
        Assert.That(DigestSections.Compose(DigestBuilder.Build(Team(40))).Select(s => s.Id), Does.Not.Contain("lead"));
    }

    [Test]
    public void Rows_for_one_rule_and_week_add_up_and_take_the_larger_people_count()
    {
        var digest = DigestBuilder.Build(Team(40, new RuleWeek(RuleIds.MissingContext, 0, 4, 3), new RuleWeek(RuleIds.MissingContext, 0, 6, 5)));

        var rule = digest.Rules.Single(r => r.RuleId == RuleIds.MissingContext);
        Assert.That((rule.ThisWeek, rule.People), Is.EqualTo(((int?)10, (int?)5)));
    }
}
