using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Roman Urdu (<c>phrases.ur.json</c>), Banglish (<c>phrases.bn.json</c>) and Sinhala typed in Latin letters
/// (<c>phrases.si.json</c>), mixed with English as colleagues write them. Session 11's sentences, none an item
/// of a labelled set.
/// </summary>
public sealed class SouthAsianLanguagesTests
{
    [TestCase("AoA sir, kaisay hain?")]
    [TestCase("kidhar ho yaar?")]
    [TestCase("sir ek sawal hai")]
    [TestCase("dada kemon achen?")]
    [TestCase("apu ekhon free achen?")]
    [TestCase("ayubowan madam")]
    [TestCase("kohomada aiya?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("AoA sir, tower 118 ka generator theek ho gaya hai, log sheet attach hai")]
    [TestCase("vai kemon achen? Gazipur er audit report shared drive e ache")]
    [TestCase("ayubowan madam, the December weighment sheets are in the shared folder")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("call dei? packing list niye kotha boli")]
    [TestCase("zoom e boshi kal sokale, shipment plan niye")]
    [TestCase("call ekak ganmu about the auction samples")]
    [TestCase("call pe aa jao, capacity forecast discuss karna hai")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("call lagbe na, ekhane likhe dicchi: 40 carton missing")]
    [TestCase("server down hai, bridge pe aa jao")]
    public void A_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("invoice taratari pathan please")]
    [TestCase("site report foran bhejo")]
    [TestCase("please send the leaf count ikmanata")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("eta urgent noy, porer shoptahe dekhlei hobe")]
    [TestCase("invoice taratari pathan please, ajke bikel er moddhe")]
    [TestCase("urgent nahi hai, agle hafte dekh lena")]
    [TestCase("taratari pathacchi, 10 minute")]
    public void A_negation_a_promise_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
