using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

public sealed class TaskClassifierTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [Test]
    public void Create_default_loads_the_data_once() =>
        Assert.That(TaskClassifier.CreateDefault(), Is.SameAs(TaskClassifier.CreateDefault()));

    [Test]
    public void Why_names_the_cues_that_decided_it()
    {
        var result = Classifier.Classify("Review Lena's PR for the caching layer");

        Assert.That(result.Id, Is.EqualTo(TaxonomyIds.Review));
        Assert.That(result.Why, Does.Contain("\"Review\" + \"PR\" → review"));
        Assert.That(result.Mode, Is.EqualTo(TaxonomyIds.Async));
        Assert.That(result.NextStep, Does.Contain("deadline"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("asdf qwerty")]
    [TestCase("Kickoff")]
    public void Text_without_a_usable_cue_is_unclear_and_asks_for_the_outcome(string task)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Tier, Is.Null);
        Assert.That(result.Id, Is.EqualTo(TaxonomyIds.Unclear));
        Assert.That(result.Mode, Is.Null);
        Assert.That(result.Confidence, Is.Zero);
        Assert.That(result.Why, Is.Not.Empty);
        Assert.That(result.NextStep, Does.Contain("outcome"));
    }

    private static IEnumerable<string> OddInput()
    {
        yield return "🎉🎉🎉";
        yield return "????";
        yield return "12345 67 89";
        yield return "\t\n\r";
        yield return new string('x', 50_000);
        yield return string.Join(' ', Enumerable.Repeat("review the PR and decide", 5_000));
    }

    [TestCaseSource(nameof(OddInput))]
    public void Odd_input_gives_a_consistent_answer(string task)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Confidence, Is.InRange(0.0, 1.0));
        Assert.That(result.Mode is null, Is.EqualTo(result.Tier is null));
        Assert.That(result.Id, Is.EqualTo(result.Tier is { } tier ? TaxonomyIds.Tiers[tier - 1] : TaxonomyIds.Unclear));
        Assert.That(result.NextStep, Is.Not.Empty);
    }

    [Test]
    public void Meeting_words_are_named_in_the_why_of_an_unclear_task() =>
        Assert.That(Classifier.Classify("Kickoff").Why[0], Does.Contain("\"Kickoff\"").And.Contain("meeting"));

    [Test]
    public void Confidence_is_higher_when_cues_agree_than_when_they_compete()
    {
        var clear = Classifier.Classify("Brainstorm ideas for the offsite in a whiteboard session");
        var mixed = Classifier.Classify("Review the options and decide");

        Assert.That(clear.Confidence, Is.InRange(0.0, 1.0));
        Assert.That(mixed.Confidence, Is.InRange(0.0, 1.0));
        Assert.That(clear.Confidence, Is.GreaterThan(mixed.Confidence));
    }

    [TestCase("Agree on Q3 priorities with the 10 team leads", TaxonomyIds.Decide, TaxonomyIds.Async)]
    [TestCase("Brainstorm the roadmap with product, design, sales and support", TaxonomyIds.Create, TaxonomyIds.Async)]
    [TestCase("Pick a date with the London, Austin and Tokyo offices", TaxonomyIds.Decide, TaxonomyIds.Async)]
    [TestCase("Share the release notes with all 40 engineers", TaxonomyIds.Inform, TaxonomyIds.Async)]
    public void Many_stakeholders_is_found_from_counts_teams_and_places(string task, string id, string mode)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(id));
        Assert.That(result.Modifiers, Is.EqualTo(new[] { TaxonomyIds.ManyStakeholders }));
        Assert.That(result.Mode, Is.EqualTo(mode));
    }

    [Test]
    public void A_small_group_is_not_many_stakeholders() =>
        Assert.That(Classifier.Classify("Decide on the API style with the 5 backend engineers").Modifiers, Is.Empty);

    [Test]
    public void Modifiers_come_in_precedence_order_and_time_critical_wins()
    {
        var result = Classifier.Classify("Incident right now: decide with the 12 engineers whether to disclose Tom's medical data leak");

        Assert.That(result.Modifiers, Is.EqualTo(TaxonomyIds.AllModifiers));
        Assert.That(result.Mode, Is.EqualTo(TaxonomyIds.Sync));
        Assert.That(result.NextStep, Does.Contain("now"));
    }

    [Test]
    public void Sensitive_news_to_many_people_is_inform_but_blended()
    {
        var result = Classifier.Classify("Announce the layoffs to the company");

        Assert.That(result.Id, Is.EqualTo(TaxonomyIds.Inform));
        Assert.That(result.Modifiers, Does.Contain(TaxonomyIds.Sensitive));
        Assert.That(result.Mode, Is.EqualTo(TaxonomyIds.Blended));
        Assert.That(result.NextStep, Does.Contain("never in a public channel"));
    }

    [Test]
    public void Team_data_can_replace_the_default_phrases()
    {
        const string json = """
            {
              "min_score": 1,
              "tiers": [
                { "tier": 1, "id": "inform", "next_step": "post it" }, { "tier": 2, "id": "ask", "next_step": "ask it" },
                { "tier": 3, "id": "review", "next_step": "review it" }, { "tier": 4, "id": "decide", "next_step": "decide it" },
                { "tier": 5, "id": "create", "next_step": "make it" }, { "tier": 6, "id": "connect", "next_step": "meet" }
              ],
              "unclear_next_step": "what outcome?",
              "cues": [ { "tier": "decide", "weight": 2, "phrases": ["bikeshed"] } ],
              "meeting_words": [], "not_names": [],
              "modifiers": {
                "time_critical": { "phrases": [], "unless": [], "same_day": [], "other_day": [], "next_step": "now" },
                "sensitive": { "phrases": [], "not_sensitive": [], "next_step": "private", "next_step_connect": "private live" },
                "many_stakeholders": { "phrases": [], "min_people": 8, "min_teams": 4, "min_time_zones": 3, "people_nouns": [],
                  "team_nouns": [], "time_zone_nouns": [], "team_names": [], "places": [], "next_step": "async" }
              }
            }
            """;
        var classifier = TaskClassifier.FromJson(json);

        var result = classifier.Classify("Bikeshed the colour of the button");

        Assert.That(result.Id, Is.EqualTo(TaxonomyIds.Decide));
        Assert.That(result.NextStep, Is.EqualTo("decide it"));
        Assert.That(classifier.Classify("Review the PR").Id, Is.EqualTo(TaxonomyIds.Unclear));
    }

    [Test]
    public void Unknown_tier_ids_in_team_data_are_rejected()
    {
        const string json = """{ "min_score": 1, "tiers": [], "unclear_next_step": "?", "cues": [ { "tier": "gossip", "weight": 1, "phrases": ["x"] } ], "meeting_words": [], "not_names": [], "modifiers": { "time_critical": { "phrases": [], "unless": [], "same_day": [], "other_day": [], "next_step": "" }, "sensitive": { "phrases": [], "not_sensitive": [], "next_step": "", "next_step_connect": "" }, "many_stakeholders": { "phrases": [], "min_people": 8, "min_teams": 4, "min_time_zones": 3, "people_nouns": [], "team_nouns": [], "time_zone_nouns": [], "team_names": [], "places": [], "next_step": "" } } }""";

        Assert.That(() => TaskClassifier.FromJson(json), Throws.TypeOf<InvalidDataException>().With.Message.Contains("gossip"));
    }
}
