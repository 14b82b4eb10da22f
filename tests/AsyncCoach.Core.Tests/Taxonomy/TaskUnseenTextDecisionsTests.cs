using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", issue #20 pass <c>tax20b</c>: news to one person against a talk about their
/// own standing, a meeting about a person's wellbeing, what an approving or checking verb acts on, lists of
/// groups against lists of tools, and the lexicons for Italian, Norwegian, Vietnamese and Japanese romaji.
/// The tasks are this file's own, each with a counter-case; none is an item of a development set.
/// </summary>
public sealed class TaskUnseenTextDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Tell Noor the workshop moved to Friday", "inform", TestName = "News to one person is inform")]
    [TestCase("Tell Idris his parking permit request was refused", "connect", TestName = "News that names the person again is about them: connect")]
    [TestCase("Tell Noor her secondment request was declined", "connect", TestName = "News about a person's own standing is connect")]
    [TestCase("Check-in with Tomasz about his stress levels", "connect", TestName = "A meeting about a person's wellbeing is connect")]
    [TestCase("Project check-in with the vendor", "unclear", TestName = "A meeting with no person's matter stays unclear")]
    [TestCase("Forward the signed lease to the lettings team", "inform", TestName = "Forward is inform")]
    [TestCase("Brief the night shift on the new loading bay rules", "inform", TestName = "Brief as the main verb is inform")]
    [TestCase("Team-building afternoon for the warehouse crew", "connect", TestName = "Team-building is connect")]
    [TestCase("Write a thank-you note for the stewards of the fun run", "inform", TestName = "A thank-you note is inform")]
    [TestCase("Send the sprint review notes to the client", "inform", TestName = "A cue that names the notes does not vote: inform")]
    [TestCase("Approve the product photos for the spring catalogue", "review", TestName = "Approving photos is review")]
    [TestCase("Approve the budget for the archive move", "decide", TestName = "Approving a budget is decide")]
    [TestCase("Check the draft funding bid before Friday", "review", TestName = "Checking an object with an artefact in it is review")]
    [TestCase("Check the fridge temperatures before Friday", "unclear", TestName = "Checking a thing that is no artefact says nothing")]
    public void The_task_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Agree the rota with the bakery, the two cafes, the deli and the events team", new[] { "many-stakeholders" }, TestName = "Groups listed with determiners are counted")]
    [TestCase("Build the dashboard with React, Redux, D3 and Tailwind", new string[0], TestName = "Capitalised tools after with are not groups")]
    [TestCase("Share the Q3 results with the offices in Lisbon, Nairobi and Manila", new[] { "many-stakeholders" }, TestName = "Three cities are three places")]
    [TestCase("Find out why the insurance claims keep getting rejected", new string[0], TestName = "Rejected claims are not a person's standing")]
    [TestCase("Tell Dana her leave request was rejected", new[] { "sensitive" }, TestName = "A person's rejected request is sensitive")]
    [TestCase("Ask IT how to log in to the Bupa Health portal", new string[0], TestName = "Health naming a portal is not sensitive")]
    [TestCase("Decide the new travel allowance for the drivers", new[] { "sensitive" }, TestName = "An allowance is pay")]
    [TestCase("Mediate between the two shift leads", new[] { "sensitive" }, TestName = "Mediating is between people")]
    [TestCase("Tell the company about the office move", new[] { "many-stakeholders" }, TestName = "Telling the company is many people")]
    public void The_modifiers_follow_what_the_task_involves(string task, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }

    [TestCase("Chiedere al fornitore quando arrivano i tessuti", "ask", new string[0], TestName = "Italian: ask")]
    [TestCase("Rivedere la bozza del catalogo entro venerdì", "review", new string[0], TestName = "Italian: review")]
    [TestCase("Scegliere il nuovo corriere per le spedizioni", "decide", new string[0], TestName = "Italian: decide")]
    [TestCase("Parlare con Giulia del suo stipendio", "connect", new[] { "sensitive" }, TestName = "Italian: a talk about pay")]
    [TestCase("Spør regnskap om fakturaen er betalt", "ask", new string[0], TestName = "Norwegian: ask")]
    [TestCase("Bestemme hvilken leverandør vi bruker neste år", "decide", new string[0], TestName = "Norwegian: decide")]
    [TestCase("Hỏi phòng kế toán về hóa đơn tháng 5", "ask", new string[0], TestName = "Vietnamese: ask")]
    [TestCase("Chọn địa điểm cho buổi tổng kết cuối năm", "decide", new string[0], TestName = "Vietnamese: decide")]
    [TestCase("Raishuu no shukka yotei o kimeru", "decide", new string[0], TestName = "Japanese romaji: decide")]
    [TestCase("Aprovar o relatório de vendas do trimestre", "review", new string[0], TestName = "Portuguese: approving a report is review")]
    [TestCase("Aprovar a mudança do armazém para Braga", "decide", new string[0], TestName = "Portuguese: approving a move is decide")]
    [TestCase("Informar as 20 pessoas do turno da noite sobre o novo horário", "inform", new[] { "many-stakeholders" }, TestName = "Portuguese: twenty people")]
    public void Tasks_in_other_languages_get_their_tier_and_modifiers(string task, string expected, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }

    [Test]
    public void The_why_says_when_news_to_a_person_is_inform_and_a_meeting_is_about_their_standing()
    {
        var news = Classifier.Classify("Tell Noor the workshop moved to Friday");
        var talk = Classifier.Classify("Check-in with Tomasz about his stress levels");

        Assert.That(news.Why, Has.Some.Contains("not about their own standing"));
        Assert.That(talk.Why, Has.Some.Contains("a talk about their own standing"));
    }
}
