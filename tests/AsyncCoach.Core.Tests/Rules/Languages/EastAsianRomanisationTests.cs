using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Cantonese (<c>phrases.yue.json</c>) and Thai (<c>phrases.th.json</c>) in Latin letters.</summary>
public sealed class EastAsianRomanisationTests
{
    [TestCase("jo san dai ga!")]
    [TestCase("sawasdee krub tuk khon")]
    [TestCase("khun Somchai wang mai krub?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("m goi faai di send report bei ngo")]
    [TestCase("song report hai noi duan mak")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("m gap, dak haan sin tai")]
    [TestCase("mai duan na, wang laew kor du")]
    public void A_negation_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
