using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", issue #20 pass <c>tax20</c>: the role of a cue (what the main verb governs,
/// a cue that names a thing or a meeting), modifiers as what the task involves (people counted by role,
/// lists of groups, one person's standing, something happening now) and tasks in other languages. The
/// tasks are this file's own, not items of any development set.
/// </summary>
public sealed class TaskRoleAndLanguageDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Let the night porters at both hospitals know the lifts are being serviced on Sunday", "inform", TestName = "Let … know with a long recipient is inform")]
    [TestCase("Ask the landlord whether we can move the budget review to June", "ask", TestName = "Cues in the clause an asking verb governs do not vote")]
    [TestCase("Brainstorm how we thank the volunteers after the festival", "create", TestName = "Cues in the clause a brainstorm governs do not vote")]
    [TestCase("Check the quarterly newsletter draft before it goes out", "review", TestName = "Checking an artefact is review")]
    [TestCase("Progress meeting with the contractor", "unclear", TestName = "A weak cue that names a meeting is part of its name")]
    [TestCase("Session with the publishers", "unclear", TestName = "Publishers are people, not the verb publish")]
    [TestCase("Email the landlord the signed lease", "inform", TestName = "Email as the main verb is inform")]
    [TestCase("Warn the drivers that the bridge is closed for repairs next week", "inform", TestName = "Warn is inform")]
    [TestCase("Update the parental leave policy page on the intranet", "inform", TestName = "A cue that names a policy does not vote")]
    [TestCase("Compare Asana, Trello, Jira and Linear for the design team", "decide", TestName = "Comparing options is decide")]
    [TestCase("The freezer alarm is going off and the samples are warming, move them now", "create", TestName = "Acting on something going wrong now is firefighting: create")]
    [TestCase("Tell the depot staff the loading bay is flooded and to use gate B", "inform", TestName = "Telling people about something going wrong stays inform")]
    public void The_task_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Share the travel policy with all 16 flight attendants", new[] { "many-stakeholders" }, TestName = "A count of people by a two-word role")]
    [TestCase("Ask all 9 shift supervisors for their holiday dates", new[] { "many-stakeholders" }, TestName = "Nine supervisors are many people")]
    [TestCase("Tell all pharmacists about the new dispensing rule", new[] { "many-stakeholders" }, TestName = "All of a role is a whole group")]
    [TestCase("Sort the 40 invoices by supplier", new string[0], TestName = "Forty invoices are not people")]
    [TestCase("Agree the holiday rota with kitchen, bar, housekeeping, reception and maintenance", new[] { "many-stakeholders" }, TestName = "Five groups listed after with")]
    [TestCase("Inform the warehouses in Leeds, Derby, Hull and York about the new pallet labels", new[] { "many-stakeholders" }, TestName = "Four sites listed after a group noun")]
    [TestCase("Send the new menu to staff at all six restaurants", new[] { "many-stakeholders" }, TestName = "Staff at six sites are many teams")]
    [TestCase("Tell Omar he didn't get the team lead role", new[] { "sensitive" }, TestName = "News about one person's own standing is sensitive")]
    [TestCase("Tell Omar his laptop is ready at the front desk", new string[0], TestName = "News to one person about a laptop is not sensitive")]
    [TestCase("Tell the team that Maya is leaving in March", new[] { "sensitive" }, TestName = "A colleague leaving is sensitive")]
    [TestCase("Speak to Lena about her workload", new[] { "sensitive" }, TestName = "Speak to is a conversation; workload is sensitive")]
    [TestCase("Talk to Ravi about the complaint against him", new[] { "sensitive" }, TestName = "A complaint about a person is sensitive")]
    [TestCase("Post the answer to the customer complaint in the thread", new string[0], TestName = "A customer complaint with no person is not sensitive")]
    [TestCase("Give Ana feedback on how she ran the client demo", new[] { "sensitive" }, TestName = "Feedback on how a person did is sensitive")]
    [TestCase("Decide whether we publish the leaked report", new string[0], TestName = "A leaked report is not a leak happening now")]
    [TestCase("Decide now whether to cancel the outdoor concert, the storm is here", new[] { "time-critical" }, TestName = "Decide now is time-critical")]
    [TestCase("Tell the writers the style guide now allows emoji", new string[0], TestName = "Now allows is not time-critical")]
    public void The_modifiers_follow_what_the_task_involves(string task, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }

    [TestCase("Revisar el borrador del contrato y dejar comentarios", "review", new string[0], TestName = "Spanish: review")]
    [TestCase("Avisar a todo el personal que mañana cerramos a las 15:00", "inform", new[] { "many-stakeholders" }, TestName = "Spanish: inform all staff")]
    [TestCase("Prévenir l'équipe que la réunion de jeudi est annulée", "inform", new string[0], TestName = "French: inform")]
    [TestCase("Bitte entscheiden, welcher Anbieter den Auftrag bekommt", "decide", new string[0], TestName = "German: decide")]
    [TestCase("Falar com a Ana sobre o salário dela", "connect", new[] { "sensitive" }, TestName = "Portuguese: a talk about pay")]
    [TestCase("Reunión de coordinación", "unclear", new string[0], TestName = "Spanish: a meeting word alone is unclear")]
    public void Tasks_in_other_languages_are_read(string task, string expected, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }

    [Test]
    public void The_why_says_what_made_a_check_a_review_and_a_task_firefighting()
    {
        var check = Classifier.Classify("Check the board deck before the meeting");
        var firefight = Classifier.Classify("Water is pouring into the server room, move the racks now");

        Assert.That(check.Why, Has.Some.Contains("(an artefact)"));
        Assert.That(firefight.Id, Is.EqualTo("create"));
        Assert.That(firefight.Why, Has.Some.Contains("firefighting"));
        Assert.That(firefight.Why, Has.Some.Contains("happening now"));
    }
}
