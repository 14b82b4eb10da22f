using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Finnish (<c>phrases.fi.json</c>) and Hungarian (<c>phrases.hu.json</c>).</summary>
public sealed class UralicLanguagesTests
{
    [TestCase("huomenta kaikki!")]
    [TestCase("moi Mikko, onko sulla hetki?")]
    [TestCase("ootko toimistolla?")]
    [TestCase("jó reggelt mindenkinek!")]
    [TestCase("szia Péter, van egy perced?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("moi Mikko, lasku 2231 on nyt maksettu")]
    [TestCase("szia Péter, a szerződés tervezete a meghajtón van")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("pidetäänkö huomenna palaveri budjetista?")]
    [TestCase("tartsunk egy hívást holnap a szerződésről?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("eilen pidettiin palaveri asiakkaan kanssa, muistiinpanot on drivessä")]
    [TestCase("ei tarvitse soittaa, kirjoitan tähän: kaksi lavaa puuttuu")]
    public void A_past_or_a_declined_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("lähetä raportti mahdollisimman pian")]
    [TestCase("küldd el a jelentést minél előbb")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("ei kiire, katso kun ehdit")]
    [TestCase("lähetä raportti mahdollisimman pian, perjantaihin mennessä")]
    [TestCase("nem sürgős, ráér a jövő héten")]
    [TestCase("küldd el a jelentést minél előbb, péntekig")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
