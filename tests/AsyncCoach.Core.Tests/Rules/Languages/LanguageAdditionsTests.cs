using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Session 11's additions to existing files (issue #20, branch <c>lang21</c>): short call proposals and
/// colloquial urgency in Spanish, French, Catalan, Dutch, Hungarian, Serbo-Croatian, Thai, Norwegian and
/// Vietnamese, each with a counter-case. The sentences are this file's own.
/// </summary>
public sealed class LanguageAdditionsTests
{
    [TestCase("una llamadita?")]
    [TestCase("un petit call rapide?")]
    [TestCase("snel belletje?")]
    [TestCase("videotrucada?")]
    public void A_bare_short_call_is_missing_context_and_huddle(string text) =>
        Assert.That(RulesOn(text), Is.SupersetOf(new[] { RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread }));

    [TestCase("che, estás?")]
    [TestCase("oe causa, estás por ahí?")]
    [TestCase("imas li sekundu?")]
    [TestCase("smem nešto da te pitam?")]
    [TestCase("bon dia, et puc fer una pregunta?")]
    public void An_availability_check_or_an_empty_question_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("juntémonos en la sala 2 para cerrar el presupuesto de marzo")]
    [TestCase("laten we rond de tafel gaan zitten over de nieuwe verpakking")]
    [TestCase("možeš li me nazvati oko ugovora s dobavljačem?")]
    [TestCase("ens veiem a la sala de juntes per tancar el pressupost")]
    [TestCase("call kan noi mai krub, rueang budget")]
    public void A_call_or_a_visit_proposed_with_a_topic_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("juntémonos en el patio a las 5 para despedir a Carmen que se jubila")]
    [TestCase("venez au bureau à 15h, on va souhaiter bonne fête à Julie")]
    [TestCase("nazovi me, radnik je ozlijeđen na gradilištu")]
    [TestCase("spring eens binnen in het magazijn en haal de stalen op")]
    [TestCase("gyere át az irodába a kulcsokért")]
    [TestCase("dođi do ureda po ključeve od broda")]
    public void A_farewell_a_birthday_an_injury_or_an_errand_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("mandame las guías de despacho al toque")]
    [TestCase("pozovi me odmah kad vidiš poruku")]
    [TestCase("leveransen må komme med en gang")]
    [TestCase("cần xử lý ngay lập tức lỗi thanh toán")]
    public void Colloquial_or_modal_urgency_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("ya mismo te mando las guías")]
    [TestCase("la pompe s'arrête tout de suite quand la pression baisse")]
    [TestCase("mandame las guías al toque, antes del mediodía")]
    public void A_promise_a_description_or_a_deadline_is_not(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
