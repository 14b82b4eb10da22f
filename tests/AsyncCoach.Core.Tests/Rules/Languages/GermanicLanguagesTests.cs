using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Swiss and Austrian German (<c>phrases.gsw.json</c>), and this pass's additions to German and Danish.</summary>
public sealed class GermanicLanguagesTests
{
    [TestCase("grüezi mitenand")]
    [TestCase("hoi Urs, häsch churz zyt?")]
    [TestCase("griaß di, hast kurz zeit?")]
    [TestCase("darf ich dich was fragen?")]
    [TestCase("brauch dich dringend")]
    [TestCase("er du på lageret?")]
    [TestCase("må jeg spørge om noget?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("hoi Urs, d'Offerte für Basel isch im Ordner")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("chömer morn churz telefoniere wäge de Offerte?")]
    [TestCase("sölle mer es teams mache wäge de Liefertermin?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("schick mer d'Offerte so schnäll wie möglich")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("pressiert nöd, lueg's nächst wuche aa")]
    [TestCase("schick mer d'Offerte so schnäll wie möglich, bis friitig")]
    [TestCase("det haster ikke med fakturaen, kunden betaler i januar")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
