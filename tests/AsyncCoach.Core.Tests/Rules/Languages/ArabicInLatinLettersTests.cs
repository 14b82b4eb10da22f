using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Levantine (<c>phrases.apc.json</c>) and Maghrebi Darija (<c>phrases.ary.json</c>) as written in Latin letters and digits.</summary>
public sealed class ArabicInLatinLettersTests
{
    [TestCase("marhaba ya shabeb")]
    [TestCase("kifak Rami, fi 3andak daqiqa?")]
    [TestCase("enta bel maktab?")]
    [TestCase("sbah lkhir a khoya")]
    [TestCase("wach nta f lbureau?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("fina na3mel call bukra 3an el budget?")]
    [TestCase("ndiro call ghedda 3la l budget?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("mbere7 3amalna call ma3 el client, kello tamem")]
    public void A_past_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("sift liya rapport daba daba")]
    [TestCase("ba3atli el fatoura daroure")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("mish daroure, shoufa lamma tfadda")]
    [TestCase("machi mst3jel, chofha mni tkoun khawi")]
    [TestCase("sift liya rapport daba daba, qbel l3chiya")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
