using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// phrases.pa.json, Punjabi in Latin letters (session 14, branch <c>lang24</c>; docs/rules.md "Other languages"). Sentences
/// written from general vocabulary, none an item of a labelled set: availability checks and calls read in a direct message,
/// urgency in a channel.
/// </summary>
public sealed class PunjabiTests
{
    [TestCase("sat shri akal paaji")]
    [TestCase("veerji vehle ho?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("sat shri akal veere, invoice bhej ditti customer nu")]
    public void A_message_with_its_topic_is_not_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("report bhej do turant")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("report bhej do turant, ajj shaam tak")]
    public void A_negation_or_a_deadline_silences_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
