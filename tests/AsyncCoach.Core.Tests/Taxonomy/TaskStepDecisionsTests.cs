using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", second pass of issue #20: the hardest step of a task with several
/// steps decides, and approving an artefact is review whatever words its name carries. The tasks
/// are this file's own, not items of the development set.
/// </summary>
public sealed class TaskStepDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Proofread the onboarding email, then send it to the new hires", "review", TestName = "Steps: review, then send: review")]
    [TestCase("Where is the vendor contract? I need to review it before Monday", "review", TestName = "Steps: a question, then a review: review")]
    [TestCase("Share the survey results. Then decide which two features we drop", "decide", TestName = "Steps: share, then decide: decide")]
    [TestCase("Give Lena feedback on her tone with customers, then update the support rota", "connect", TestName = "Steps: personal feedback, then an update: connect")]
    [TestCase("Post the outage timeline, then run the retrospective together", "create", TestName = "Steps: post, then a retro: create")]
    [TestCase("Review the release notes", "review", TestName = "One step keeps the ordinary scoring")]
    public void The_hardest_step_decides(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Approve the network architecture diagram", "review", TestName = "Approving a diagram is review, though it names an architecture")]
    [TestCase("Sign off the new rota template", "review", TestName = "Signing off a template is review")]
    [TestCase("Approve the budget for the offsite", "decide", TestName = "Approving a budget is decide")]
    [TestCase("Approve the move to the new cloud architecture", "decide", TestName = "Approving a move is decide")]
    public void Approving_an_artefact_is_review(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Tell the night shift the card readers are offline", new[] { "time-critical" }, TestName = "Something failing now is time-critical")]
    [TestCase("Ask the vendor why the sync keeps failing on the tills", new[] { "time-critical" }, TestName = "Something that keeps failing is time-critical")]
    [TestCase("Write the customer FAQ about the outage", new string[0], TestName = "An outage as the topic is not time-critical")]
    [TestCase("Update the health and safety checklist for the warehouse", new string[0], TestName = "Health and safety is not a person's health")]
    [TestCase("Share the new tone of voice guide with the writers", new string[0], TestName = "A brand's tone of voice is not sensitive")]
    public void Modifiers_follow_what_is_happening_to_whom(string task, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }

    [Test]
    public void The_why_names_the_artefact_that_made_an_approval_review()
    {
        var result = Classifier.Classify("Approve the network architecture diagram");

        Assert.That(result.Why, Has.Some.EqualTo("\"Approve\" + \"architecture\" (an artefact: \"diagram\") → review"));
    }
}
