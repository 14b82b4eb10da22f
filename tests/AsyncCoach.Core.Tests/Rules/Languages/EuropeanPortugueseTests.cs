using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// European Portuguese (session 12 additions) (<c>phrases.pt.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class EuropeanPortugueseTests
{
    [TestCase("tens um minutinho?")]
    [TestCase("estás livre?")]
    [TestCase("preciso de ti urgentemente")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("olá Rui, a fatura de novembro já seguiu para o cliente, vê o valor se faz favor")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("liga-me")]
    [TestCase("chamadinha sobre o contrato?")]
    [TestCase("passa pelo meu gabinete para vermos o orçamento")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("liga-me, o compressor avariou e a linha está parada")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("manda o relatório com toda a urgência")]
    [TestCase("preciso do contrato o quanto antes")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("não é urgente, vê quando puderes")]
    [TestCase("manda o relatório com toda a urgência, até sexta")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
