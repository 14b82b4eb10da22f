using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Latvian (<c>phrases.lv.json</c>), as people write it at work. Session 12's sentences (branch <c>lang22</c>),
/// written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class LatvianTests
{
    [TestCase("sveiki, kā iet?")]
    [TestCase("labdien! vai tev ir minūte?")]
    [TestCase("vai esi birojā?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("sveiki Ilze, rēķins par novembri ir nosūtīts klientam, lūdzu pārbaudi summu")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("sazvanāmies?")]
    [TestCase("uzzvani man par piegādes grafiku")]
    [TestCase("vai varam noorganizēt videozvanu par budžetu?")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("vakar sazvanījāmies ar klientu, piezīmes ir dokumentā")]
    [TestCase("bez zvana: plāns ir dokumentā, komentē tur")]
    [TestCase("serveris nestrādā, piezvani man")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("lūdzu atsūti līgumu steidzami")]
    [TestCase("vajag atskaiti pēc iespējas ātrāk")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("nav steidzami, paskaties, kad būs laiks")]
    [TestCase("lūdzu atsūti līgumu steidzami, līdz piektdienai")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
