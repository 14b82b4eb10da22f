using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Yoruba (<c>phrases.yo.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class YorubaTests
{
    [TestCase("e kaaro o")]
    [TestCase("bawo ni?")]
    [TestCase("se o ni iseju kan?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("e kaaro Tunde, mo ti fi invoice osu kokanla ranse si onibara, e jowo e wo iye owo")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("pe mi")]
    [TestCase("je ka soro lori foonu nipa adehun")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ni ana a ti soro, awon akosile wa ninu iwe")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("e fi iroyin naa ranse kiakia")]
    [TestCase("mo nilo adehun naa lesekese")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("ko kanju, e wo nigba ti e ba ni aaye")]
    [TestCase("e fi iroyin naa ranse kiakia, titi ola")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
