using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", issue #20 pass <c>tax20c</c>: the topic after "about", checking a thing before
/// it is used, what approving a move chooses, time-critical words that name a thing or did not happen, and
/// the lexicons for Czech, Romanian, Malay, Swahili, Danish, Welsh, Finnish and Arabizi. The tasks are this
/// file's own, each with a counter-case; none is an item of a development set.
/// </summary>
public sealed class TaskLexiconAndTopicDecisionsTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Talk to Rosa about the comments on her design review", "connect", TestName = "What a talk is about does not vote")]
    [TestCase("Remind the kitchen team about the retro on Friday", "inform", TestName = "A reminder about a retro is inform")]
    [TestCase("Who do I talk to about getting a locker?", "ask", TestName = "A question mark after about still asks")]
    [TestCase("Check the packing list before it goes to the warehouse", "review", TestName = "Checking a thing before it is used is review")]
    [TestCase("Check the stock levels before Monday", "unclear", TestName = "Checking before a day is a deadline, not a use")]
    [TestCase("Sign off the switch from paper to digital timesheets", "decide", TestName = "Approving a switch chooses it: decide")]
    [TestCase("Sign off the timesheet template", "review", TestName = "Approving a template is review")]
    [TestCase("Book a room for the quarterly review", "ask", TestName = "Booking a room is ask")]
    [TestCase("Call Farah to see how she is after the surgery", "connect", TestName = "Asking how a person is is connect")]
    [TestCase("Call with the landlord about the lease", "unclear", TestName = "A call with no outcome stays unclear")]
    [TestCase("Find out why the card reader keeps rejecting payments", "create", TestName = "Finding out why is create")]
    [TestCase("Find out where the spare keys are kept", "ask", TestName = "Finding out where is ask")]
    public void The_task_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Ask compliance how the breach notification rules work", new string[0], TestName = "A breach naming the rules is not happening")]
    [TestCase("Security breach on the booking site: contain it", new[] { "time-critical" }, TestName = "A breach being contained is time-critical")]
    [TestCase("Team lunch to mark a year without a single incident", new string[0], TestName = "A year without an incident is no incident")]
    [TestCase("Gas smell in the basement, make the area safe", new[] { "time-critical" }, TestName = "Making an area safe is time-critical")]
    [TestCase("The cold room stopped working: get an engineer in this arvo", new[] { "time-critical" }, TestName = "This arvo is today")]
    [TestCase("Tell the cleaning crew their jobs are being outsourced", new[] { "sensitive" }, TestName = "Jobs being outsourced are sensitive")]
    [TestCase("Choose between Kai and Leo for the final", new string[0], TestName = "Leo is a name, not Swahili for today")]
    public void The_modifiers_follow_what_the_task_involves(string task, string[] modifiers)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Modifiers, Is.EquivalentTo(modifiers), string.Join("; ", result.Why));
    }

    [TestCase("The cold room stopped working: get an engineer in this arvo", "create", TestName = "Fixing a failure today is firefighting")]
    [TestCase("El servidor se cayó y hoy cerramos ventas: arreglarlo ya", "create", TestName = "Spanish: fixing a failure today is firefighting")]
    public void Firefighting_is_create(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
        Assert.That(result.Modifiers, Does.Contain("time-critical"), string.Join("; ", result.Why));
    }

    [TestCase("Zkontroluj smlouvu s dodavatelem obalů", "review", TestName = "Czech: review")]
    [TestCase("Rozhodni, který tiskař udělá katalog", "decide", TestName = "Czech: decide")]
    [TestCase("Trimite echipei raportul lunar", "inform", TestName = "Romanian: inform")]
    [TestCase("Alegeți furnizorul pentru ambalaje", "decide", TestName = "Romanian: decide")]
    [TestCase("Semak draf kontrak pembekal", "review", TestName = "Malay: review")]
    [TestCase("Cari tarikh untuk mesyuarat pasukan", "ask", TestName = "Malay: finding a date is ask")]
    [TestCase("Kagua ripoti ya mauzo ya mwezi huu", "review", TestName = "Swahili: review")]
    [TestCase("Chagua msambazaji mpya wa vifungashio", "decide", TestName = "Swahili: decide")]
    [TestCase("Gennemgå budgetudkastet inden fredag", "review", TestName = "Danish: review")]
    [TestCase("Beslut hvilken leverandør vi bruger", "decide", TestName = "Danish: decide")]
    [TestCase("Anfonwch yr adroddiad at y tîm", "inform", TestName = "Welsh: inform")]
    [TestCase("Penderfynu pa gyflenwr i'w ddefnyddio", "decide", TestName = "Welsh: decide")]
    [TestCase("Julkaise uutiskirje intranetissä", "inform", TestName = "Finnish: inform")]
    [TestCase("Valitse uusi toimittaja pakkauksille", "decide", TestName = "Finnish: decide")]
    [TestCase("Lazem nekhtar bayn el 3ardayn", "decide", TestName = "Arabizi: decide")]
    [TestCase("Ib3at el report lal team", "inform", TestName = "Arabizi: inform")]
    [TestCase("Prüf die Rechnung vom Caterer", "review", TestName = "German: review")]
    [TestCase("Mit Jana über ihre Arbeitsbelastung sprechen", "connect", TestName = "German: a talk with a person, verb last")]
    [TestCase("Retour d'expérience sur la panne du serveur", "create", TestName = "French: a lessons-learned session is create")]
    [TestCase("Parler avec Luc de comment il va", "connect", TestName = "French: comment is how, not a review comment")]
    [TestCase("Send the brand guide to the agency", "inform", TestName = "English brand is not Danish fire")]
    [TestCase("Any idea where the spare key is?", "ask", TestName = "English idea is not a Malay create cue")]
    public void Tasks_in_other_languages_get_their_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }
}
