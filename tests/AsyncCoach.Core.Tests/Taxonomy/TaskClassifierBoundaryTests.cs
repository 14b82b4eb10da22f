using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>The "boundaries that are easy to get wrong" of TAXONOMY.md, one case each.</summary>
public sealed class TaskClassifierBoundaryTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    private static IEnumerable<TestCaseData> Boundaries()
    {
        yield return Case("Approve the API design doc", "review", "approving an artefact is review");
        yield return Case("Approve the PR", "review", "approving a PR is review");
        yield return Case("Approve the Q3 marketing budget", "decide", "approving a budget is decide");
        yield return Case("Sign off on the service architecture", "decide", "signing off an architecture is decide");
        yield return Case("Approve the choice of vendor", "decide", "approving a choice is decide");
        yield return Case("Tell Priya she didn't get the promotion", "connect", "one-to-one personal outcome");
        yield return Case("Announce the reorganisation to the department", "inform", "news to many people");
        yield return Case("Standup", "inform", "standup");
        yield return Case("Sprint review", "review", "sprint review");
        yield return Case("Sprint planning", "decide", "sprint planning");
        yield return Case("Hiring debrief for the designer candidate", "decide", "hiring debrief");
        yield return Case("Postmortem of the login incident", "create", "postmortem");
        yield return Case("Team retro", "create", "retro");
        yield return Case("Draft the OKRs for next quarter", "create", "drafting OKRs");
        yield return Case("Publish the OKRs", "inform", "publishing OKRs");
        yield return Case("Find a time that works for Ana, Bo and Cy", "ask", "finding a time");
        yield return Case("Figure out whether to use option A or option B", "decide", "figure out between existing options");
        yield return Case("Figure out how to make releases less stressful", "create", "figure out with no options yet");
        yield return Case("Explore whether Redis or Memcached fits better", "decide", "explore existing options");
        yield return Case("Explore ideas for the new home page", "create", "explore with no options");
        yield return Case("Shout-out to Lea in #general for the migration", "inform", "written shout-out");
        yield return Case("Celebrate the release with a team party", "connect", "live celebration");
        yield return Case("Kickoff", "unclear", "meeting word alone");
        yield return Case("Alignment", "unclear", "meeting word alone");
        yield return Case("Call with legal", "unclear", "meeting word alone");
        yield return Case("Give feedback on Sam's attitude", "connect", "feedback on a person is not a PR review");
        yield return Case("Review the PR", "review", "review + PR");
    }

    private static TestCaseData Case(string task, string id, string why) => new TestCaseData(task, id).SetName($"{{m}}: {why}: \"{task}\"");

    [TestCaseSource(nameof(Boundaries))]
    public void Classifies_the_boundary_case(string task, string expectedId)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expectedId), string.Join("; ", result.Why));
        Assert.That(result.Tier, Is.EqualTo(TaxonomyIds.TierOf(expectedId)));
    }

    [Test]
    public void Feedback_on_a_persons_attitude_is_sensitive_connect_and_sync()
    {
        var result = Classifier.Classify("Give feedback on Sam's attitude");

        Assert.That(result.Modifiers, Is.EqualTo(new[] { TaxonomyIds.Sensitive }));
        Assert.That(result.Mode, Is.EqualTo(TaxonomyIds.Sync));
    }

    [TestCase("Investigate the perf of the search service")]
    [TestCase("Review the merge conflict in the release branch")]
    [TestCase("Share the performance of the API gateway under load")]
    public void Topic_words_alone_are_not_sensitive(string task) =>
        Assert.That(Classifier.Classify(task).Modifiers, Does.Not.Contain(TaxonomyIds.Sensitive));

    [TestCase("Review my PR asap")]
    [TestCase("Urgent: where is the style guide?")]
    [TestCase("Review the doc by 3pm tomorrow")]
    [TestCase("Pick the vendor by Friday at noon")]
    [TestCase("Daily standup at 9:30")]
    [TestCase("Weekly status meeting, Mondays 10am")]
    public void A_loose_asap_or_a_clock_time_on_another_day_is_not_time_critical(string task) =>
        Assert.That(Classifier.Classify(task).Modifiers, Does.Not.Contain(TaxonomyIds.TimeCritical));

    [TestCase("Decide by 4pm whether to ship", TaxonomyIds.Decide)]
    [TestCase("Review the slides before the 15:30 client call", TaxonomyIds.Review)]
    [TestCase("Pick the hotfix scope by end of day", TaxonomyIds.Decide)]
    [TestCase("Production is down: decide whether to fail over", TaxonomyIds.Decide)]
    public void A_clock_time_later_today_or_an_outage_is_time_critical_and_sync(string task, string expectedId)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expectedId));
        Assert.That(result.Modifiers, Does.Contain(TaxonomyIds.TimeCritical));
        Assert.That(result.Mode, Is.EqualTo(TaxonomyIds.Sync));
    }

    [Test]
    public void A_finished_outage_is_not_time_critical() =>
        Assert.That(Classifier.Classify("Postmortem of last week's outage").Modifiers, Is.Empty);
}
