using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// phrases.fo.json, Faroese (session 14, branch <c>lang24</c>; docs/rules.md "Other languages"). Sentences written from general
/// vocabulary, none an item of a labelled set: availability checks and calls read in a direct message, urgency in a channel.
/// </summary>
public sealed class FaroeseTests
{
    [TestCase("góðan morgun")]
    [TestCase("hevur tú eina løtu?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("góðan morgun Rúni, fakturan er send til kundan")]
    public void A_message_with_its_topic_is_not_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("skulu vit ringja saman um nýggja sáttmálan?")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("eg ringdi til kundan í gjár, alt er í lagi")]
    public void A_past_or_declined_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("frágreiðingin skal sendast beinanvegin")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("frágreiðingin skal sendast beinanvegin, í morgin")]
    public void A_negation_or_a_deadline_silences_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
