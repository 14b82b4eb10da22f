using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Malaysian Malay, Manglish and Singlish (<c>phrases.ms.json</c>).</summary>
public sealed class MalayTests
{
    [TestCase("selamat pagi semua")]
    [TestCase("Encik Azman, ada masa tak?")]
    [TestCase("boss, you free or not?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("selamat pagi Encik Azman, invois bulan lepas dah dihantar")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("jom zoom esok pasal bajet Q3?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("semalam dah zoom dengan client, notes dalam drive")]
    public void A_past_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("tolong hantar report tu segera")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("tak urgent, tengok bila free")]
    [TestCase("tolong hantar report tu segera, sebelum jumaat")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
