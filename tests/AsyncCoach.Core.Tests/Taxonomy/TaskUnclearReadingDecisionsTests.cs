using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", issue #20 pass <c>tax22</c>: "unclear" as a reading of the task (a meeting named
/// or given a topic states no outcome), making or handing over a message as inform, setting a value as decide,
/// the parts of an artefact, participles and thing conflicts, and modifiers read from what their words do. The
/// tasks are this file's own, each with a counter-case; none is an item of a development set.
/// </summary>
public sealed class TaskUnclearReadingDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Quarterly budget review meeting", "unclear", TestName = "A meeting named by its topic is unclear")]
    [TestCase("Landlords' review call", "unclear", TestName = "A review naming a call is the call's name")]
    [TestCase("Review meeting", "review", TestName = "A review on the main verb right before a meeting word still votes")]
    [TestCase("Retro meeting", "create", TestName = "A strong cue before a meeting word still votes")]
    [TestCase("Brainstorm session for the spring menu", "create", TestName = "A brainstorm session is create")]
    [TestCase("Meeting about the budget", "unclear", TestName = "A meeting with only a topic is unclear")]
    [TestCase("Call with Omar about the supplier choice", "unclear", TestName = "A call with only a topic is unclear")]
    [TestCase("Budget meeting to allocate next year's grants", "decide", TestName = "A purpose after the meeting word keeps its cues")]
    [TestCase("Confirm the crew call time with the stage manager", "ask", TestName = "A meeting word that does not head its phrase is no meeting")]
    [TestCase("Write a short post for the volunteers about the new rota", "inform", TestName = "Writing a post is inform")]
    [TestCase("Draft an email to parents about the school trip", "inform", TestName = "Drafting an email is inform")]
    [TestCase("Write the strategy for next year's fundraising", "create", TestName = "Writing a strategy is not a message")]
    [TestCase("Mail the inspection summary to the site managers", "inform", TestName = "Handing a summary to people is inform")]
    [TestCase("Add the logo to the deck", "unclear", TestName = "Adding to a deck hands nothing to people")]
    [TestCase("Set the fees for the autumn courses", "decide", TestName = "Setting a value is decide")]
    [TestCase("Fix the leaking tap in the staff kitchen", "unclear", TestName = "Fixing a thing sets no value")]
    [TestCase("Settle the delivery charge threshold with the three couriers", "decide", TestName = "Settling a threshold is decide")]
    [TestCase("Send the menu to the birthday party by noon", "inform", TestName = "The people a menu is sent to are recipients, not a party")]
    [TestCase("Organise a birthday party for Lwazi", "connect", TestName = "A party that is the task is connect")]
    [TestCase("Agree the spring newsletter schedule with the editors", "decide", TestName = "A cue inside the object does not outvote the main verb")]
    [TestCase("Explore a new layout for the volunteer rota", "create", TestName = "Exploring something new is create")]
    [TestCase("Approve the brochure layout", "review", TestName = "Approving an artefact's layout is review")]
    [TestCase("Approve the office floor layout", "decide", TestName = "Approving a floor layout chooses it")]
    [TestCase("Approve the supplier contract renewal", "decide", TestName = "Approving a contract renewal chooses it")]
    [TestCase("Send round the menu agreed on Monday", "inform", TestName = "A participle after a noun describes it")]
    [TestCase("Resolve the scheduling conflict between the two open days", "unclear", TestName = "A scheduling conflict is not between people")]
    [TestCase("Resolve the conflict between Aaron and Beth", "connect", TestName = "A conflict between people is connect")]
    [TestCase("Have a one-to-one with Dana about how her probation went", "connect", TestName = "A one-to-one is connect")]
    [TestCase("Sit down with Tariq about the argument he had with a supplier", "connect", TestName = "A sit-down about a person's argument is connect")]
    [TestCase("Sit down with the auditors", "unclear", TestName = "A sit-down with no outcome is unclear")]
    public void The_task_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Ask the helpdesk what to do when the booking site is down", new string[0], TestName = "A condition is not an event")]
    [TestCase("The booking site is down: tell the front desk", new[] { "time-critical" }, TestName = "Something down now is time-critical")]
    [TestCase("Ask Mental Health Services when the next clinic opens", new string[0], TestName = "A capitalised word inside a name is not sensitive")]
    [TestCase("Ask Jo how her mental health is", new[] { "sensitive" }, TestName = "A person's health is sensitive")]
    [TestCase("Put the spring promotion in Friday's bulletin", new string[0], TestName = "A day's possessive is not a person")]
    [TestCase("Tell the packing team that the weekend shift is being cut", new[] { "sensitive" }, TestName = "Work people live on ending is sensitive")]
    [TestCase("Remind the packing team that the weekend shift ends at 6", new string[0], TestName = "A shift ending at a time is routine")]
    [TestCase("Tell the drivers on shift the depot is closed for the night", new string[0], TestName = "Work as a setting is not work ending")]
    [TestCase("Decide whether we launch now or wait for the audit", new string[0], TestName = "Now or later after whether is an option")]
    [TestCase("Review the fire safety standards against the new code", new string[0], TestName = "Safety standards are a thing")]
    [TestCase("Tell growers in Kerala, Assam, Goa, Sikkim and Punjab the new price", new[] { "many-stakeholders" }, TestName = "People in four places or more are many stakeholders")]
    [TestCase("Support the driver's family after his mother's death", new[] { "sensitive" }, TestName = "A death in a person's family is sensitive")]
    public void The_modifiers_follow_what_the_words_do(string task, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }
}
