using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using AsyncCoach.Norms;

namespace AsyncCoach.Tests.Norms;

public sealed class NormsJsonTests
{
    [Test]
    public void An_empty_object_keeps_every_default()
    {
        var norms = NormsJson.Parse("{}");

        Assert.That(norms.WorkingHours, Is.EqualTo(WorkingHours.Default));
        Assert.That(norms.BroadcastThreshold, Is.EqualTo(20));
        Assert.That(norms.GraceWindow, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(norms.EnabledRules, Is.EquivalentTo(RuleIds.All));
    }

    [Test]
    public void Every_key_maps_onto_team_norms()
    {
        var norms = NormsJson.Parse("""
            {
              "working_hours": "08:30-16:30 mon,tue,thu",
              "exempt_channels": ["C0INCIDENT"],
              "broadcast_threshold": 8,
              "enabled_rules": ["after-hours-ping", "vague-urgency"],
              "urgent_markers": {"contains": [":fire:"], "starts_with": ["SEV1", "URGENT"]},
              "extra_phrases": {"greetings": ["moin"]},
              "grace_window_seconds": 90,
              "nudge_mode": "dm",
              "max_nudges_per_day": 5,
              "max_nudges_per_rule_per_day": 2,
              "observe_mode": true,
              "nudge_freshness_seconds": 300
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(norms.WorkingHours, Is.EqualTo(new WorkingHours(new TimeOnly(8, 30), new TimeOnly(16, 30), WorkDays.Monday | WorkDays.Tuesday | WorkDays.Thursday)));
            Assert.That(norms.IsExempt("C0INCIDENT"), Is.True);
            Assert.That(norms.BroadcastThreshold, Is.EqualTo(8));
            Assert.That(norms.IsEnabled(RuleIds.MissingContext), Is.False);
            Assert.That(norms.IsEnabled(RuleIds.VagueUrgency), Is.True);
            Assert.That(norms.UrgentMarkersContains, Is.EqualTo(new[] { ":fire:" }));
            Assert.That(norms.UrgentMarkersPrefixes, Is.EqualTo(new[] { "SEV1", "URGENT" }));
            Assert.That(norms.ExtraPhrases["greetings"], Is.EqualTo(new[] { "moin" }));
            Assert.That(norms.GraceWindow, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(norms.NudgeMode, Is.EqualTo(NudgeMode.Dm));
            Assert.That(norms.MaxNudgesPerDay, Is.EqualTo(5));
            Assert.That(norms.MaxNudgesPerRulePerDay, Is.EqualTo(2));
            Assert.That(norms.ObserveMode, Is.True);
            Assert.That(norms.NudgeFreshness, Is.EqualTo(TimeSpan.FromMinutes(5)));
        });
    }

    [TestCase("09:00-17:00 mon-fri", 9, 0, 17, 0, WorkDays.Weekdays)]
    [TestCase("09:00-17:00", 9, 0, 17, 0, WorkDays.Weekdays)]
    [TestCase("22:00-06:00 sun-thu", 22, 0, 6, 0, WorkDays.Sunday | WorkDays.Monday | WorkDays.Tuesday | WorkDays.Wednesday | WorkDays.Thursday)]
    [TestCase("10:00-14:00 fri-mon", 10, 0, 14, 0, WorkDays.Friday | WorkDays.Saturday | WorkDays.Sunday | WorkDays.Monday)]
    [TestCase("07:15-15:45 daily", 7, 15, 15, 45, WorkDays.All)]
    public void Working_hours_read_ranges_lists_and_wrapping_days(string text, int sh, int sm, int eh, int em, WorkDays days) =>
        Assert.That(NormsJson.ParseWorkingHours(text), Is.EqualTo(new WorkingHours(new TimeOnly(sh, sm), new TimeOnly(eh, em), days)));

    [TestCase("""{"working_hours": "9 to 5"}""", "working_hours")]
    [TestCase("""{"working_hours": "09:00-17:00 mon-fry"}""", "fry")]
    [TestCase("""{"broadcast_threshold": "20"}""", "broadcast_threshold")]
    [TestCase("""{"broadcast_threshold": 0}""", "broadcast_threshold")]
    [TestCase("""{"enabled_rules": ["no-hello"]}""", "no-hello")]
    [TestCase("""{"exempt_channels": "C1"}""", "exempt_channels")]
    [TestCase("""{"urgent_markers": {"ends_with": ["!"]}}""", "ends_with")]
    [TestCase("""{"nudge_mode": "email"}""", "nudge_mode")]
    [TestCase("""{"grace_seconds": 60}""", "grace_seconds")]
    [TestCase("""[]""", "object")]
    [TestCase("""{"broadcast_threshold": 20""", "not valid JSON")]
    public void A_bad_document_names_the_key(string json, string named) =>
        Assert.That(() => NormsJson.Parse(json), Throws.TypeOf<NormsFormatException>().With.Message.Contains(named));

    [Test]
    public void A_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-norms-{Guid.NewGuid():N}.json");
        Assert.That(() => NormsJson.ParseFile(path), Throws.TypeOf<NormsFormatException>().With.Message.Contains(path));
    }
}
