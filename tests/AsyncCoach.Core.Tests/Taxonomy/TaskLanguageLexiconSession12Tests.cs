using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md "Decided", session 12 (branch <c>lang22</c>): small lexicons for Tagalog, Russian and
/// Ukrainian in Latin letters, Latvian, Lithuanian, Basque, Samoan, Maltese and Slovak, and French "trouver un
/// moyen". The tasks are this file's own, with counter-cases; none is an item of a development set.
/// </summary>
public sealed class TaskLanguageLexiconSession12Tests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Ipaalam sa lahat ng branch ang bagong oras ng opisina", "inform")]
    [TestCase("Tanungin ang supplier kung kailan darating ang order", "ask")]
    [TestCase("Suriin ang draft ng kontrata bago pirmahan", "review")]
    [TestCase("Kausapin si Ana tungkol sa bagong schedule niya", "connect")]
    [TestCase("Sprosi u bukhgalterii, gde schet za oktyabr", "ask")]
    [TestCase("Proverit dogovor s postavshchikom", "review")]
    [TestCase("Vybrat datu dlya audita", "decide")]
    [TestCase("Paziņot klientiem par jauno darba laiku", "inform")]
    [TestCase("Pārbaudīt līguma projektu", "review")]
    [TestCase("Patikrinti sutarties projektą", "review")]
    [TestCase("Erabaki zein hornitzailerekin jarraitu", "decide")]
    [TestCase("Berrikusi kontratuaren zirriborroa", "review")]
    [TestCase("Faasalalau le taimi fou o le fono i tagata uma", "inform")]
    [TestCase("Iċċekkja l-abbozz tal-kuntratt", "review")]
    [TestCase("Vymyslieť, ako skrátiť čakanie na sklade", "create")]
    [TestCase("Skontrolovať zmluvu s dodávateľom", "review")]
    [TestCase("Trouver un moyen de réduire les retours clients", "create")]
    public void A_task_in_another_language_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Ang bagong schedule ng opisina")]
    [TestCase("Dogovor s postavshchikom na dekabr")]
    [TestCase("Līguma projekts decembrim")]
    [TestCase("Fono Street warehouse lease")]
    public void A_topic_without_a_verb_of_what_it_needs_is_unclear(string task)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo("unclear"), string.Join("; ", result.Why));
    }
}
