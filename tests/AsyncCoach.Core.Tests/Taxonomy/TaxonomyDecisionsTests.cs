using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>Every point of docs/taxonomy.md "Decided" that issue #20 raised: the tier and the modifiers, one task each.</summary>
public sealed class TaxonomyDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    private static IEnumerable<TestCaseData> Decisions()
    {
        string[] none = [];
        string[] critical = [TaxonomyIds.TimeCritical];
        string[] sensitive = [TaxonomyIds.Sensitive];
        string[] many = [TaxonomyIds.ManyStakeholders];
        (string Decision, string Task, string Id, string[] Modifiers)[] cases =
        [
            ("a catch-up with a person", "Catch up with Sam after her first month", "connect", none),
            ("a catch-up with no person or outcome", "Project catch-up", "unclear", none),
            ("figure out a fact", "Figure out who owns the billing cron job", "ask", none),
            ("figure out where", "Figure out where the audit logs are stored", "ask", none),
            ("figure out how", "Figure out how to cut the build time in half", "create", none),
            ("collective noun: all staff", "Announce the new travel policy to all staff", "inform", many),
            ("collective noun: the whole department", "Share the reorg timeline with the whole department", "inform", many),
            ("the team alone is not many", "Share the sprint summary with the team", "inform", none),
            ("the main verb decides, not a word in its object", "Tell design the API is ready", "inform", none),
            ("a checklist named review is still sent", "Send Sam the review checklist", "inform", none),
            ("a routine's clock time is not a deadline", "Post the notes at 3pm", "inform", none),
            ("a clock time that is a deadline", "Review the release notes by 3pm", "review", critical),
            ("an outcome stated without a tier's usual verb is not unclear", "The new on-call rota, so everyone knows who covers the weekend", "inform", none),
            ("a postmortem of a past outage", "Run the postmortem of last week's outage", "create", none),
            ("promotion news is sensitive", "Tell Ravi he got the promotion", "connect", sensitive),
            ("a hiring choice is decide, not sensitive", "Choose between the two backend candidates", "decide", none),
            ("an unclear task keeps its modifiers", "Sync about the layoffs", "unclear", sensitive),
            ("several steps: the hardest with a strong cue", "Draft the options, then decide between vendor A and vendor B", "decide", none),
        ];
        foreach (var (decision, task, id, modifiers) in cases)
        {
            yield return new TestCaseData(task, id, modifiers).SetName($"Decided: {decision}");
        }
    }

    [TestCaseSource(nameof(Decisions))]
    public void Classifies_as_decided(string task, string id, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That((result.Id, result.Modifiers), Is.EqualTo((id, modifiers)).Using<(string, IReadOnlyList<string>)>(
            (a, b) => a.Item1 == b.Item1 && a.Item2.Order(StringComparer.Ordinal).SequenceEqual(b.Item2.Order(StringComparer.Ordinal))),
            string.Join("; ", result.Why));
    }
}
