using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Icelandic (<c>phrases.is.json</c>, written with its letters and as typed on an English keyboard) and
/// Estonian (<c>phrases.et.json</c>). Session 11's sentences, none an item of a labelled set.
/// </summary>
public sealed class IcelandicAndEstonianTests
{
    [TestCase("góðan daginn Jón")]
    [TestCase("godan daginn Jon")]
    [TestCase("hæ, ertu laus?")]
    [TestCase("hefurdu sma tima?")]
    [TestCase("tere Mart!")]
    [TestCase("tere, kas sul on minut?")]
    [TestCase("oled sa kontoris?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("góðan daginn Jón, reikningurinn fyrir nóvember er kominn í möppuna")]
    [TestCase("tere Mart, arve 2231 on makstud ja kviitung on kaustas")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("tökum stuttan fund um vaktaplanið á morgun")]
    [TestCase("hringdu í mig út af samningnum við verktakann")]
    [TestCase("teeme kiire kõne eelarve teemal?")]
    [TestCase("saad teamsi tulla, arutame hanke tingimusi?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("óþarfi að hringja, ég skrifa það hér: tvö bretti vantar")]
    [TestCase("pole vaja helistada, kirjutan siia: kaks alust on puudu")]
    [TestCase("eile rääkisime kõne ajal hankijaga, märkmed on kaustas")]
    [TestCase("dælan er biluð og virkar ekki, hringdu í mig strax")]
    public void A_declined_past_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("sendu mér skýrsluna sem fyrst")]
    [TestCase("þarf þetta strax, endurskoðandinn bíður")]
    [TestCase("saada aruanne võimalikult kiiresti")]
    [TestCase("vaja kohe, audiitor ootab")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("þetta er ekki áríðandi, bara til upplýsingar")]
    [TestCase("sendu mér skýrsluna sem fyrst, fyrir föstudag")]
    [TestCase("pole kiire, vaata kui jõuad")]
    [TestCase("saada aruanne võimalikult kiiresti, reedeks")]
    [TestCase("mul on kiire, räägime homme hommikul")]
    [TestCase("pumpan stöðvaðist strax eftir ræsingu, eins og búist var við")]
    public void A_negation_a_deadline_or_a_description_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
