using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Georgian in Latin letters (<c>phrases.ka.json</c>), as typed on an English keyboard. Session 13's sentences (branch <c>lang23</c>), written from general vocabulary, none an item of a
/// labelled set.
/// </summary>
public sealed class GeorgianTests
{
    [TestCase("gamarjoba!")]
    [TestCase("dila mshvidobisa, rogor khar?")]
    [TestCase("gamarjoba, tavisufali xar?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("gamarjoba Nino, invoisi gavugzavne klients, gtxovt naxe tanxa")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("davrekot mimtsodebels da gavarkviot fasebi")]
    [TestCase("shevkhvdet ofisshi 3 saatze da ganvikhilot gegma")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ar minda zari, aq davtser yvelafers")]
    [TestCase("gushin davureket klients, chanatserebi failshia")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("kontrakti gamomigzavne sastsrafod")]
    [TestCase("invoisi mchirdeba rac shetsidzleba male")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("ar aris sastsrafo, rodesac moicli")]
    [TestCase("kontrakti gamomigzavne sastsrafod, paraskevamde")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
