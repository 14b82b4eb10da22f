using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Kinyarwanda (<c>phrases.rw.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class KinyarwandaTests
{
    [TestCase("muraho, amakuru?")]
    [TestCase("mwaramutse mwese!")]
    [TestCase("ufite umwanya?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("muraho Eric, fagitire ya Ugushyingo nayohereje umukiriya, reba amafaranga")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("mpamagara")]
    [TestCase("tuvugane kuri telefoni ku bijyanye n amasezerano")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ejobundi twavuganye, inyandiko ziri muri dosiye")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ohereza raporo byihutirwa")]
    [TestCase("amasezerano ndayakeneye vuba vuba")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("ntibyihutirwa, uzarebe ufite umwanya")]
    [TestCase("ohereza raporo byihutirwa, uyu munsi")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
