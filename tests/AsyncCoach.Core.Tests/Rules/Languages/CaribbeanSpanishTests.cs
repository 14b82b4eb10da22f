using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Caribbean and Venezuelan Spanish (session 12 additions) (<c>phrases.es.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class CaribbeanSpanishTests
{
    [TestCase("tienes un chance?")]
    [TestCase("necesito que me ayudes")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("hola Carla, la factura de noviembre ya salió al cliente, revisa el monto porfa")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("nos echamos una llamada?")]
    [TestCase("echemos una llamada sobre el contrato")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("te llamo? es sobre lo de tu papá y el permiso")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("necesito el informe pa ayer")]
    [TestCase("mándame el contrato pa ya")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("necesito el informe pa ayer, antes del viernes")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
