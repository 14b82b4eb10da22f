using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Session 14's additions to existing files (es, pt, uk, jam) and the words of the new files that are also words of other
/// languages (session 14, branch <c>lang24</c>; docs/rules.md "Other languages"). Sentences written from general vocabulary, none
/// an item of a labelled set: availability checks and calls read in a direct message, urgency in a channel.
/// </summary>
public sealed class Session14LanguageAdditionsTests
{
    [Test]
    public void The_new_files_are_loaded() =>
        Assert.That(PhraseBook.Default.Languages, Is.SupersetOf(new[] { "km", "lo", "gn", "mg", "jv", "hy", "pa", "fo", "lg", "sn", "my", "kmr", "to", "hwc", "scn", "ru", "he", "az", "ig", "ceb", "mr", "gu", "te", "kn", "ml" }));

    [TestCase("hola, alguien está en la oficina?")]
    [TestCase("hay alguien en la bodega?")]
    [TestCase("tem alguém no escritório?")]
    [TestCase("kto-nibud v ofise?")]
    [TestCase("privet, ne zanyat?")]
    [TestCase("allyuh there?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("the slab for the new warehouse floor is poured, photos in the drive")]
    [TestCase("les câbles sont sous le bureau, je les branche demain")]
    [TestCase("saya sudah kirim invoice ke klien kemarin sore")]
    [TestCase("AI summary of the meeting is in the doc, have a look")]
    public void A_word_of_a_new_file_in_another_language_leaves_a_message_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("call meh, leh we talk bout de new contract")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("it works fine tho haha, thanks for the patch")]
    public void A_word_of_a_new_file_in_english_proposes_no_call(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("the Nov te report is in the drive")]
    [TestCase("mas tarde te mando el informe de ventas")]
    [TestCase("ora ti mando il file con i prezzi aggiornati")]
    [TestCase("la tienda de Lara está cerrada hoy")]
    [TestCase("the ad for the Marathi version went live")]
    public void A_word_of_a_new_file_in_another_language_is_no_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
