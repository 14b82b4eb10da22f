using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// phrases.kmr.json, Kurmanji Kurdish (session 14, branch <c>lang24</c>; docs/rules.md "Other languages"). Sentences written from
/// general vocabulary, none an item of a labelled set: availability checks and calls read in a direct message, urgency in a
/// channel.
/// </summary>
public sealed class KurmanjiTests
{
    [TestCase("silav heval")]
    [TestCase("rojbaş, tu vala yî?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("silav Rojda, fatûre ji mişterî re şand")]
    public void A_message_with_its_topic_is_not_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("li min bigere, em li ser peymana nû bipeyivin")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("raporê bişîne bi lez")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("raporê bişîne bi lez, heta înê")]
    [TestCase("ne lezgîn e, raporê bişîne dema amade bû")]
    public void A_negation_or_a_deadline_silences_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
