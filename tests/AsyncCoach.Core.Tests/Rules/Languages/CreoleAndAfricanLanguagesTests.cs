using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Jamaican Patois (<c>phrases.jam.json</c>), Twi and Ghanaian particles (<c>phrases.tw.json</c>), and this pass's additions to Swahili.</summary>
public sealed class CreoleAndAfricanLanguagesTests
{
    [TestCase("maakye owura Kofi")]
    [TestCase("chale how be?")]
    [TestCase("wah gwaan bredda")]
    [TestCase("yuh deh bout?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("wah gwaan bredda, di invoice fi Kingston deh pon di drive")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("tupige simu kesho kuhusu bajeti ya mradi")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("naomba tuongee")]
    public void Asking_to_talk_alone_is_no_call_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("nuh rush, sen it when yuh ready")]
    public void A_negation_silences_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
