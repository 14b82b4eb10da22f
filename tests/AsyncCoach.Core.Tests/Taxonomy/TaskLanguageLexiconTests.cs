using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", session 11 (branch <c>lang21</c>): small lexicons for Dutch, Hungarian,
/// Serbo-Croatian and Estonian, and Spanish "mandar" and French "réviser". The tasks are this file's own,
/// each language with a counter-case; none is an item of a development set.
/// </summary>
public sealed class TaskLanguageLexiconTests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Stuur de offerte door naar de klant in Gent", "inform")]
    [TestCase("Vraag aan de leverancier of de dozen dinsdag komen", "ask")]
    [TestCase("Kijk na of het contract klopt", "review")]
    [TestCase("Kies een nieuwe datum voor de audit", "decide")]
    [TestCase("Küldd el a havi jelentést a pénzügynek", "inform")]
    [TestCase("Kérdezd meg a beszállítót, mikor jön a szállítmány", "ask")]
    [TestCase("Nézd át a szerződés tervezetét", "review")]
    [TestCase("Javi timu da se build seli na novi server", "inform")]
    [TestCase("Pitaj računovodstvo gdje je faktura za oktobar", "ask")]
    [TestCase("Pregledaj ugovor s dobavljačem", "review")]
    [TestCase("Teavita klienti, et hooldus on reedel", "inform")]
    [TestCase("Vaata üle hankelepingu mustand", "review")]
    [TestCase("Mandarle al cliente la cotización corregida", "inform")]
    [TestCase("Réviser le contrat de location du dépôt", "review")]
    public void A_task_in_another_language_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Storing the pallets in aisle 4")]
    [TestCase("Palo Alto office lease")]
    [TestCase("Javi's onboarding sync")]
    public void An_English_word_that_looks_like_one_of_them_is_no_cue(string task)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo("unclear"), string.Join("; ", result.Why));
    }
}
