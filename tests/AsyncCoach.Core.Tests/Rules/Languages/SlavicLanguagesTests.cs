using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Czech and Slovak (<c>phrases.cs.json</c>), Serbian, Croatian and Bosnian (<c>phrases.hbs.json</c>).</summary>
public sealed class SlavicLanguagesTests
{
    [TestCase("dobrý den pane Nováku")]
    [TestCase("ahoj, máš chvilku?")]
    [TestCase("jsi v kanceláři?")]
    [TestCase("čau, jsi tady?")]
    [TestCase("dobro jutro svima")]
    [TestCase("ćao Marko, imaš li minut?")]
    [TestCase("jesi li u uredu?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("ahoj, posílám fakturu za listopad, je v příloze")]
    [TestCase("ahoj, máš chvilku na kontrolu objednávky 4471?")]
    [TestCase("ćao Marko, ponuda za Novi Sad je u prilogu")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("dáme zítra call k rozpočtu na Q3?")]
    [TestCase("zavolej mi kvůli té faktuře od dodavatele")]
    [TestCase("ajmo na call sutra oko ponude za Beograd?")]
    [TestCase("napravimo kratki sastanak oko budžeta?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("včera jsme měli call s klientem, zápis je na disku")]
    [TestCase("jučer smo imali call s kupcem, sve je dogovoreno")]
    [TestCase("není třeba volat, napíšu to sem: chybí dvě palety")]
    [TestCase("nefunguje mi tiskárna, zavolej mi prosím")]
    [TestCase("jsi v kanceláři?")]
    public void A_past_a_declined_or_a_justified_call_or_a_whereabouts_check_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("pošli mi tu smlouvu co nejdřív")]
    [TestCase("potřebuju ty výkresy urgentně")]
    [TestCase("pošalji mi izvještaj što prije")]
    [TestCase("treba mi ponuda hitno")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("není to urgentní, podívej se na to příští týden")]
    [TestCase("pošli mi tu smlouvu co nejdřív, nejpozději v pátek")]
    [TestCase("nije hitno, pogledaj kad stigneš")]
    [TestCase("pošalji mi izvještaj što prije, do petka")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
