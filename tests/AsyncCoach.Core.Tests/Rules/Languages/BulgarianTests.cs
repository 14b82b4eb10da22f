using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Bulgarian in Cyrillic and in Latin letters (<c>phrases.bg.json</c>). Session 13's sentences (branch <c>lang23</c>), written from general vocabulary, none an item of a
/// labelled set.
/// </summary>
public sealed class BulgarianTests
{
    [TestCase("здрасти!")]
    [TestCase("добро утро, имаш ли минута?")]
    [TestCase("zdrasti, svoboden li si?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("здравей Иване, фактурата за ноември е изпратена, моля провери сумата")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("обади ми се за договора")]
    [TestCase("ще ти звънна за графика на склада")]
    [TestCase("zvanni mi za dogovora")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("няма нужда от разговор, ще пиша тук")]
    [TestCase("благодаря за разговора вчера, всичко е в документа")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("изпрати отчета спешно")]
    [TestCase("пусни веднага заявката към склада")]
    [TestCase("prati otcheta speshno")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("не е спешно, виж го когато можеш")]
    [TestCase("изпрати отчета спешно, до петък")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    // "веднага" (immediately) alone also describes ("crashed immediately"): only its demanding forms are listed.
    [TestCase("системата се срина веднага след ъпдейта")]
    public void An_immediacy_adverb_that_describes_is_no_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
