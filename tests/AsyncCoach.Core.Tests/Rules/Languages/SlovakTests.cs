using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Slovak (session 12 additions to the Czech and Slovak file) (<c>phrases.cs.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class SlovakTests
{
    [TestCase("ahojte!")]
    [TestCase("si voľný?")]
    [TestCase("dobré ráno, ako sa máš?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("ahoj Peter, faktúra za november išla klientovi, prosím skontroluj sumu")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("zavolajme si?")]
    [TestCase("poďme na call ohľadom zmluvy")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("server nefunguje, požiar v serverovni, zavolaj mi")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("pošli mi zmluvu súrne")]
    [TestCase("potrebujem report ihneď")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("nie je to súrne, pozri keď budeš mať čas")]
    [TestCase("pošli mi zmluvu súrne, do piatku")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
