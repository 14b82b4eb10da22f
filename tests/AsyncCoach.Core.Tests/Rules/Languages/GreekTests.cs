using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Greek as Greeklish, in Latin letters (<c>phrases.el.json</c>).</summary>
public sealed class GreekTests
{
    [TestCase("kalispera Maria!")]
    [TestCase("geia sou Giorgo, eisai diathesimos?")]
    [TestCase("exeis ena lepto?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("kalimera Maria, to fortotiko einai etoimo sto drive")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("pame ena teams avrio gia to neo symvolaio?")]
    [TestCase("na kanoume ena zoom gia ta timologia tou Martiou?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("xthes kaname ena zoom gia ta timologia, ola kala")]
    [TestCase("den xreiazetai call, ta grafo edo: leipoun dyo paletes")]
    public void A_past_or_a_declined_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("xreiazomai tis times oso pio grigora ginetai")]
    [TestCase("stile mou to symvolaio, einai poly epeigon")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("den einai epeigon, des to otan mporeis")]
    [TestCase("xreiazomai tis times oso pio grigora ginetai, mexri tin paraskevi")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
