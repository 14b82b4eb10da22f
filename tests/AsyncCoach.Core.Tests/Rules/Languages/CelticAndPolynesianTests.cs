using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Welsh (<c>phrases.cy.json</c>) and te reo Māori greetings (<c>phrases.mi.json</c>).</summary>
public sealed class CelticAndPolynesianTests
{
    [TestCase("bore da pawb!")]
    [TestCase("shwmae Dafydd, oes gen ti funud?")]
    [TestCase("kia ora koutou!")]
    [TestCase("mōrena Aroha")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("kia ora Aroha, the roster for Matariki is in the drive")]
    [TestCase("bore da Dafydd, mae'r adroddiad yn y ffolder")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("gawn ni alwad yfory am y gyllideb?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("anfonwch yr adroddiad ar frys os gwelwch yn dda")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("dim brys, edrychwch arno pan gewch chi amser")]
    [TestCase("anfonwch yr adroddiad ar frys, erbyn dydd Gwener")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
