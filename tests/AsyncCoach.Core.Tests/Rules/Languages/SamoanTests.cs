using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Samoan (<c>phrases.sm.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class SamoanTests
{
    [TestCase("talofa lava!")]
    [TestCase("malo le soifua")]
    [TestCase("e te avanoa?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("talofa Sione, ua uma ona lafo le pili i le kalani, faamolemole siaki le aofaiga")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("vili mai")]
    [TestCase("ta talanoa i le telefoni e uiga i le konekarate")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ananafi na ta talanoa, o faamatalaga o loo i le pepa")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("lafo le lipoti faanatinati")]
    [TestCase("manaomia le konekarate vave mai")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("e le faanatinati, va'ai pe a avanoa")]
    [TestCase("lafo le lipoti faanatinati, aso faraile")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
