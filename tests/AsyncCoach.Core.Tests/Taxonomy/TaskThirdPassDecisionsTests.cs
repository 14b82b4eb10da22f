using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", third pass of issue #20 (branch <c>accuracy3</c>): firefighting, "post"
/// as the main verb, people counted by their role, and news about one person's standing. The tasks
/// are this file's own, not items of either development set.
/// </summary>
public sealed class TaskThirdPassDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("The card terminals are down at the Bath branch - get them running before lunch", "create", TestName = "Firefighting: down, get it running: create")]
    [TestCase("An admin password leaked in the wiki - rotate it and check the audit log", "create", TestName = "Firefighting: leaked, rotate: create")]
    [TestCase("Water is leaking into the server room - contain it", "create", TestName = "Firefighting: leaking, contain: create")]
    [TestCase("Tell customers the booking site is down", "inform", TestName = "Telling that something is down is inform")]
    [TestCase("Post the weekend rota for the bakery team", "inform", TestName = "Post as the main verb is inform")]
    [TestCase("Post-mortem of last month's outage with the whole team", "create", TestName = "Post-mortem is not post")]
    public void The_task_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Walk all 30 cashiers through the new refund rule", "many-stakeholders", true, TestName = "All 30 cashiers are many people")]
    [TestCase("Review the style guide with 9 translators", "many-stakeholders", true, TestName = "9 translators are many people")]
    [TestCase("Restart all 12 servers after the patch", "many-stakeholders", false, TestName = "12 servers are not people")]
    [TestCase("Tell Omar his contract will not continue after June", "sensitive", true, TestName = "One person's contract is sensitive")]
    [TestCase("Tell Lea her transfer to the Porto office went through", "sensitive", true, TestName = "One person's transfer is sensitive")]
    [TestCase("The backup job leaked memory overnight - restart it", "time-critical", true, TestName = "Something leaking now is time-critical")]
    public void The_modifier_is_recognised(string task, string modifier, bool expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers.Contains(modifier), Is.EqualTo(expected), string.Join("; ", result.Why));
    }
}
