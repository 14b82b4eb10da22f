using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Haitian Creole (<c>phrases.ht.json</c>) and Mauritian Creole (<c>phrases.mfe.json</c>). Session 13's sentences (branch <c>lang23</c>), written from general vocabulary, none an item of a
/// labelled set.
/// </summary>
public sealed class HaitianAndMauritianCreoleTests
{
    [TestCase("bonjou!")]
    [TestCase("sak pase, ou disponib?")]
    [TestCase("bonzour, ki manier?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("bonjou Wilner, rapò stòk la nan dosye a, tanpri verifye kantite yo")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("nou ka fè yon apèl sou bidjè a?")]
    [TestCase("rele m pou kontra kliyan an")]
    [TestCase("anou koze lor telefonn pou bann fakture")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("pa bezwen rele, m ap ekri isit la tout detay yo")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("voye rapò a ijan")]
    [TestCase("avoy mwa rapor la vit vit")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("pa ijan, gade l lè w gen tan")]
    [TestCase("voye rapò a ijan, anvan vandredi")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
