using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Maltese (<c>phrases.mt.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class MalteseTests
{
    [TestCase("bonġu, kif inti?")]
    [TestCase("għandek minuta?")]
    [TestCase("bongu lil kulhadd")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("bonġu Marija, il-fattura ta' Novembru ntbagħtet lill-klijent, iċċekkja l-ammont jekk jogħġbok")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("ċempilli")]
    [TestCase("ejja nitkellmu dwar il-kuntratt")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ilbieraħ tkellimna mal-klijent, in-noti qegħdin fid-dokument")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ibgħatli r-rapport urġenti")]
    [TestCase("għandi bżonn il-kuntratt malajr kemm jista jkun")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("mhux urġenti, ara meta jkollok ħin")]
    [TestCase("ibgħatli r-rapport urġenti, sal-Ġimgħa")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
