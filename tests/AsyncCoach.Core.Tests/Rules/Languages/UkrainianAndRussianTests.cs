using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Ukrainian and Russian typed in Latin letters (<c>phrases.uk.json</c>), as remote teams write them on an
/// English keyboard. Session 11's sentences, none an item of a labelled set.
/// </summary>
public sealed class UkrainianAndRussianTests
{
    [TestCase("pryvit Andrii")]
    [TestCase("dobryi den! yak spravy?")]
    [TestCase("privet, est minutka?")]
    [TestCase("ty na zviazku?")]
    [TestCase("mozhna pytannia?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("pryvit Andrii, reliz 2.4 vzhe na stagingu, perevir bud laska loginy")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("zidzvonymosia?")]
    [TestCase("davai sozvonimsia po migratsii bazy")]
    [TestCase("podzvony meni shchodo rakhunku klienta")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("vchora sozvonylys z klientom, notatky v confluence")]
    [TestCase("bez dzvinka: migratsiia v ponedilok, plan u doku")]
    [TestCase("prod lezhyt, davai sozvonimsia")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("terminovo potribni loginy z prodakshenu")]
    [TestCase("nado srochno pereslat dogovor")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("ne terminovo, podyvys koly bude chas")]
    [TestCase("terminovo potribni loginy, do vechora")]
    [TestCase("nado srochno pereslat dogovor, zavtra utrom")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
