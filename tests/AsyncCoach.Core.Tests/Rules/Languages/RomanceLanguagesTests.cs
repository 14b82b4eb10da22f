using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Romanian (<c>phrases.ro.json</c>), Catalan (<c>phrases.ca.json</c>), and this pass's additions to French and Spanish.</summary>
public sealed class RomanceLanguagesTests
{
    [TestCase("bună dimineața tuturor")]
    [TestCase("salut Andrei, ai un minut?")]
    [TestCase("ești la birou?")]
    [TestCase("bon dia a tothom!")]
    [TestCase("hola Jordi, tens un moment?")]
    [TestCase("rappelle-moi stp")]
    [TestCase("Salut, je peux te poser une petite question ?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("salut Andrei, ți-am trimis oferta pe mail")]
    [TestCase("hola Jordi, el pressupost del client és al drive")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("facem un call mâine pe tema bugetului?")]
    [TestCase("hai să vorbim la telefon despre contractul cu furnizorul")]
    [TestCase("fem una trucada demà per parlar del pressupost?")]
    [TestCase("cuadremos una reunión con el proveedor para revisar el contrato")]
    [TestCase("tu passes me voir au bureau pour le budget ?")]
    public void A_call_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ieri am avut un call cu clientul, notele sunt în drive")]
    [TestCase("ahir vam fer una trucada amb el client, tot bé")]
    [TestCase("hagamos una llamada a solas, es un tema delicado")]
    [TestCase("les deux chefs se sont disputés, on s'appelle ce soir pour en parler")]
    [TestCase("nu e nevoie de call, îți scriu aici: lipsesc două paleți")]
    [TestCase("ești la birou?")]
    public void A_past_a_declined_or_a_justified_call_or_a_whereabouts_check_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("trimite-mi raportul cât mai repede")]
    [TestCase("te rog prioritizează comanda clientului din Cluj")]
    [TestCase("envia'm l'informe com més aviat millor")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("nu e urgent, uită-te când ai timp")]
    [TestCase("trimite-mi raportul cât mai repede, până vineri")]
    [TestCase("no és urgent, mira-ho quan puguis")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
