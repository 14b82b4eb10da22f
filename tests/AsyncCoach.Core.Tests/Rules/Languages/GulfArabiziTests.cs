using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Gulf Arabic in Latin letters and digits (<c>phrases.afb.json</c>). Session 13's sentences (branch <c>lang23</c>), written from general vocabulary, none an item of a
/// labelled set.
/// </summary>
public sealed class GulfArabiziTests
{
    [TestCase("salam 3alaikum")]
    [TestCase("shlonak? 3indak da2i2a?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("hala wallah Khalid, el invoice wesal lel client, shayyik el mablagh law sama7t")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("kalimni 3an el contract")]
    [TestCase("netassal 3ashan el jadwal?")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("mob lazim netassal, bas aktib hni")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ab3ath el report bsur3a")]
    [TestCase("arsil el taqreer, el mawdoo3 musta3jil")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("mu musta3jil, 3ala ra7tak")]
    [TestCase("ab3ath el report bsur3a, gabl nihayat el dawam")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
