using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", issue #20 pass <c>tax23</c> (session 13): what a task does read from its shape where the
/// cue words are missing (firefighting in any language, feedback on a person's work, what is checked and booked, places
/// that are not people) and modifiers from the role of their words. The tasks are this file's own, each with a
/// counter-case; none is an item of a development set.
/// </summary>
public sealed class TaskThirteenthPassDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Il forno è guasto, spostare subito le teglie nell'altro", "create", TestName = "Something going wrong now then a second clause is firefighting in any language")]
    [TestCase("Der Kühlraum ist ausgefallen. Alles sofort umräumen", "create", TestName = "A second sentence after something going wrong now is the act")]
    [TestCase("Il forno è guasto", "unclear", TestName = "Something going wrong with no second clause states no act")]
    [TestCase("Stock count for the bar, by 3pm today", "unclear", TestName = "A same-day deadline alone is no firefighting")]
    [TestCase("Call with the bakery, the oven is down", "unclear", TestName = "A meeting about something going wrong stays unclear")]
    [TestCase("Give Noor feedback on her onboarding slides", "review", TestName = "Feedback on a person's work product is review")]
    [TestCase("Give Noor feedback on Tom's pitch deck", "review", TestName = "Feedback on a named person's artefact is review")]
    [TestCase("Give Noor feedback on her attitude in meetings", "connect", TestName = "Feedback on a person's traits stays connect")]
    [TestCase("Check the crates of mussels before they leave the yard", "review", TestName = "An of phrase belongs to what is checked before use")]
    [TestCase("Check the crates of mussels before Friday", "unclear", TestName = "Checking by a day is a deadline, not a use")]
    [TestCase("Reserve a slot at the test track for next Tuesday", "ask", TestName = "Reserving a slot is ask")]
    [TestCase("Book the training room for the new starters", "ask", TestName = "Booking a room is ask")]
    [TestCase("Book the flights for the sales trip", "unclear", TestName = "Booking a thing that is not a time or place is not ask")]
    [TestCase("Catch up with Lagos", "unclear", TestName = "A place is not a person to catch up with")]
    [TestCase("Catch up with Tunde", "connect", TestName = "A person to catch up with is connect")]
    [TestCase("Think up a name for the loyalty scheme", "create", TestName = "Thinking something up is create")]
    [TestCase("Have a private word with Ines about her lateness", "connect", TestName = "A private word with a person is connect")]
    [TestCase("Chat with the printers about the delivery", "unclear", TestName = "A chat with a topic is still unclear")]
    [TestCase("Organise a braai to thank the night crew", "connect", TestName = "A gathering to thank people is connect")]
    [TestCase("Write a note to thank the night crew", "inform", TestName = "A written thank-you is inform")]
    [TestCase("Approve the safety statement for the scaffold", "review", TestName = "A statement is an artefact")]
    [TestCase("Approve the budget for the scaffold", "decide", TestName = "Approving a budget is still decide")]
    [TestCase("Draft some concepts for the stand, then review them with Ola", "create", TestName = "A weak cue on a step's first word does not make it the step's verb")]
    [TestCase("Draft the speech, then review it with Ola", "review", TestName = "A step with no other cue keeps the later step")]
    public void The_task_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Send the new vaccination schedule to all 40 health visitors", new[] { "many-stakeholders" }, TestName = "A sensitive word before a role noun names a line of work")]
    [TestCase("Ask Pele how his health is since the surgery", new[] { "sensitive" }, TestName = "A person's health is still sensitive")]
    [TestCase("Decide whether Ana's grievance goes to a hearing", new[] { "sensitive" }, TestName = "A person's grievance is sensitive")]
    [TestCase("Update the grievance policy with a hearing step", new string[0], TestName = "A grievance policy is a thing")]
    [TestCase("Tell the bar staff that two contracts are not being renewed", new[] { "sensitive" }, TestName = "Contracts not being renewed are sensitive")]
    [TestCase("Tell the bar staff that the lease is being renewed", new string[0], TestName = "A lease being renewed is not")]
    [TestCase("Check in with Dev after the break-in at his flat", new[] { "sensitive" }, TestName = "A break-in at a person's home is sensitive")]
    [TestCase("Announce the new collection route to all 12 farmer cooperatives", new[] { "many-stakeholders" }, TestName = "Counted organisations are groups")]
    [TestCase("Choose between the 5 cooperatives for the milk contract", new string[0], TestName = "Organisations that are the options of a choice are not stakeholders")]
    [TestCase("Announce the new route to the 3 cooperatives", new string[0], TestName = "Fewer than four organisations are not many")]
    [TestCase("Tell all 60 kitchen and floor staff about the new rota", new[] { "many-stakeholders" }, TestName = "People counted across and are counted")]
    [TestCase("Tell the 6 kitchen and floor staff about the new rota", new string[0], TestName = "Fewer than eight people across and are not many")]
    public void The_modifiers_follow_what_the_words_do(string task, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }
}
