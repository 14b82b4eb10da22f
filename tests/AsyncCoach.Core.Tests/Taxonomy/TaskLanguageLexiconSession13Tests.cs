using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// docs/taxonomy.md, pass lang23 (session 13): small lexicons for Slovenian, Uzbek, Haitian and Mauritian Creole,
/// Turkish, Hinglish, Korean, Bulgarian and Mandarin pinyin, and French "vérifier", German "gratulieren", Swahili
/// "waarifu". The tasks are this file's own, with counter-cases; none is an item of a development set.
/// </summary>
public sealed class TaskLanguageLexiconSession13Tests
{
    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [TestCase("Obvesti vse zaposlene o novem urniku", "inform")]
    [TestCase("Preglej pogodbo z dobaviteljem", "review")]
    [TestCase("Xodimlarga yangi jadval haqida xabar bering", "inform")]
    [TestCase("Shartnomani tekshiring", "review")]
    [TestCase("Enfòme tout anplwaye yo sou nouvo orè a", "inform")]
    [TestCase("Tcheke kontra a anvan nou siyen", "review")]
    [TestCase("Tüm çalışanlara yeni mesai saatlerini bildir", "inform")]
    [TestCase("Sözleşmeyi gözden geçir", "review")]
    [TestCase("Sabko naye shift timings ke baare mein batao", "inform")]
    [TestCase("새 근무 시간 공지하기", "inform")]
    [TestCase("계약서 검토하기", "review")]
    [TestCase("Изпрати новия график на всички агенти", "inform")]
    [TestCase("Прегледай договора с доставчика", "review")]
    [TestCase("Tongzhi suoyou yuangong xin de paiban", "inform")]
    [TestCase("Shenhe gongyingshang de hetong", "review")]
    [TestCase("Vérifier le contrat avant la signature", "review")]
    [TestCase("Anna zur Beförderung gratulieren", "connect")]
    [TestCase("Waarifu wateja kuhusu bei mpya", "inform")]
    public void A_task_in_another_language_gets_its_tier(string task, string expected)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo(expected), string.Join("; ", result.Why));
    }

    [TestCase("Nov cenik za Avstrijo")]
    [TestCase("Yangi mavsum rejasi")]
    [TestCase("새 근무 시간")]
    [TestCase("Новият график за декември")]
    public void A_topic_without_a_verb_of_what_it_needs_is_unclear(string task)
    {
        var result = Classifier.Classify(task);

        Assert.That(result.Id, Is.EqualTo("unclear"), string.Join("; ", result.Why));
    }

    // Haitian "salè" (salary) folds to "sale": it is left out, so a sale is no sensitive matter.
    [TestCase("Find out when the spring sale starts")]
    public void An_english_word_is_not_read_as_another_languages_modifier(string task) =>
        Assert.That(Classifier.Classify(task).Modifiers, Does.Not.Contain("sensitive"));
}
