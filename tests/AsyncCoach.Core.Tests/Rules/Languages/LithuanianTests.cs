using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Lithuanian (<c>phrases.lt.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class LithuanianTests
{
    [TestCase("labas rytas!")]
    [TestCase("ar turi minutę?")]
    [TestCase("labas, ar esi ofise?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("labas Tomai, sąskaita klientui išsiųsta, prašau patikrink sumą")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("susiskambinam?")]
    [TestCase("paskambink man dėl sutarties")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("vakar kalbėjom su klientu, pastabos dokumente")]
    [TestCase("serveris neveikia, paskambink man")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("reikia ataskaitos kuo greičiau")]
    [TestCase("atsiųsk sutartį skubiai")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("neskubu, pažiūrėk kai turėsi laiko")]
    [TestCase("atsiųsk sutartį skubiai, iki penktadienio")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
