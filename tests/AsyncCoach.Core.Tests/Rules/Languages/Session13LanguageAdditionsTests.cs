using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Session 13's additions to files that were thin (branch <c>lang23</c>): Uzbek, Slovenian, Lithuanian, French,
/// German, Hinglish, Turkish, Vietnamese, Darija and Dominican Spanish; and words of one file that must not
/// fire on another language. Sentences written from general vocabulary, none an item of a labelled set.
/// </summary>
public sealed class Session13LanguageAdditionsTests
{
    [TestCase("assalomu alaykum Dilshod aka, bandmisiz?")]
    [TestCase("živjo, a si kej prost?")]
    [TestCase("bonsoir, tu aurais un moment ?")]
    [TestCase("em ơi, em có rảnh nói chuyện chút không?")]
    [TestCase("klk mi pana")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("qo'ng'iroq qilaylik, shartnoma bo'yicha savollar bor")]
    [TestCase("se lahko slišimo glede ponudbe za Avstrijo?")]
    [TestCase("dajmo se dobiti pri meni in pregledati načrt")]
    [TestCase("prisijunk prie zoomo, aptarsim biudžetą")]
    [TestCase("telefonieren wir wegen der Rechnung?")]
    [TestCase("n3aytlek 3la la facture ta3 janvier")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("labai skubu, atsiųsk sąskaitą klientui")]
    [TestCase("müdür raporu hemen istiyor")]
    [TestCase("report turant bhejo")]
    [TestCase("dgha dgha, sifet liya la facture")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    // French "pour hier" demands ("il me le faut pour hier"), but "désolé pour hier" apologises for yesterday.
    [TestCase("désolé pour hier, la réunion a débordé")]
    [TestCase("merci pour hier, super atelier")]
    public void An_apology_or_thanks_for_yesterday_is_no_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    // A Haitian emergency team is named, not asked for speed; Haitian "salè" (salary) folds to English "sale"
    // and Gulf "abu" starts names ("Abu Dhabi"), so neither is listed.
    [TestCase("tout ekip ijans yo nan sal B pou fòmasyon an")]
    public void A_named_emergency_team_is_no_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [TestCase("quick call about the winter sale?")]
    [TestCase("can we jump on a call about the Abu Dhabi site?")]
    public void An_english_proposal_is_not_vetoed_by_a_word_of_another_file(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));
}
