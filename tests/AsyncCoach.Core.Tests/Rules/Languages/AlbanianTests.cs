using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Albanian (<c>phrases.sq.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class AlbanianTests
{
    [TestCase("përshëndetje, si je?")]
    [TestCase("mirëmëngjes!")]
    [TestCase("ke një minutë?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("përshëndetje Arta, fatura e nëntorit iu dërgua klientit, të lutem kontrollo shumën")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("më telefono")]
    [TestCase("flasim në telefon për kontratën?")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("dje folëm me klientin, shënimet janë në dokument")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("dërgoje raportin urgjent")]
    [TestCase("kontratën e dua sa më shpejt")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("nuk është urgjent, shikoje kur të kesh kohë")]
    [TestCase("dërgoje raportin urgjent, deri të premten")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
