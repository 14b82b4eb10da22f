using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Other languages", ninth pass (branch <c>lang20b</c>): Vietnamese, Japanese romaji,
/// Afrikaans, isiZulu and Egyptian Arabizi files, and the classes that keep a report of a call or a
/// justified call from reading as a proposal in every language (<c>call-past</c>, <c>call-reason</c>).
/// Paraphrases written for this file from general vocabulary, none an item of a development set.
/// </summary>
public sealed partial class OtherLanguagesTests
{
    [TestCase("chào chị, chị có rảnh không ạ?")]
    [TestCase("anh oi, anh ranh ko?")]
    [TestCase("xin chao ca nha")]
    [TestCase("Suzuki-san, ohayou gozaimasu!")]
    [TestCase("sumimasen, ima ii desu ka?")]
    [TestCase("Kato-san, o-jikan arimasu ka?")]
    [TestCase("Goeie môre almal")]
    [TestCase("Hallo Johan, het jy 'n minuut?")]
    [TestCase("Sawubona mama, unjani?")]
    [TestCase("sanibonani bafowethu")]
    [TestCase("sabah el kheir ya basha")]
    [TestCase("ezayek ya Mona? 3amla eh?")]
    [TestCase("ahlan ya handasa, enta fady delwa2ty?")]
    public void A_greeting_or_availability_check_in_a_new_language_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("chào chị, chị có rảnh không? báo giá cho khách Đà Nẵng còn thiếu phí vận chuyển")]
    [TestCase("Kato-san, o-jikan arimasu ka? the Osaka invoice is missing the freight line")]
    [TestCase("Hallo Johan, het jy 'n minuut om na die faktuur vir Durban te kyk?")]
    [TestCase("ezayek ya Mona, el invoice beta3 el client Alex na2es el shipping")]
    [TestCase("will do asap :+1:")]
    public void The_same_with_its_topic_or_a_promise_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("mình lên meet bàn về ngân sách quý 3 nhé")]
    [TestCase("goi zalo cho em ve bao gia nha")]
    [TestCase("denwa shimashou, the shipping schedule for Nagoya is confusing")]
    [TestCase("kom ons bel oor die begroting vir die nuwe kantoor")]
    [TestCase("masikhulume ngocingo mayelana nesabelomali")]
    [TestCase("yalla ne3mel call 3ala el budget beta3 el event")]
    [TestCase("wbijaj na calla, omówimy budżet na Q3")]
    [TestCase("liga-me quando puderes por causa do orçamento da loja")]
    public void A_call_proposed_in_a_new_language_or_form_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.HuddleInsteadOfThread));

    // Each is read as a proposal without its call-past word (the controls are below).
    [TestCase("der Zoom-Call gestern war gut, das Protokoll liegt im Wiki")]
    [TestCase("ayer tuvimos una llamada rápida con el proveedor, el acta está en la carpeta")]
    [TestCase("ontem fizemos uma call rápida com o fornecedor, a ata está no drive")]
    [TestCase("hôm qua đã gọi zalo với anh, biên bản ở trong drive")]
    [TestCase("kemarin udah ngobrol via zoom sama vendor, notulennya di drive")]
    public void A_call_reported_in_the_past_in_another_language_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("ayer no pude. ¿hacemos una videollamada hoy para cerrar el presupuesto?")]
    [TestCase("gestern war viel los. lass uns kurz telefonieren wegen der Rechnung")]
    public void A_past_word_in_another_clause_leaves_the_proposal(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("strømbrudd på lageret, kassene starter ikke. ring meg")]
    [TestCase("lo hablamos en persona, es sobre tu salario")]
    [TestCase("liga-me, acabou a luz na loja")]
    [TestCase("ruf mich an, Stromausfall in Halle 2")]
    [TestCase("gọi cho anh nhé, máy in bị hỏng")]
    [TestCase("kallemni, el system wa2e3")]
    [TestCase("bel my asseblief, daar is 'n kragonderbreking by die winkel")]
    public void A_call_justified_by_an_outage_or_a_personal_matter_in_another_language_is_not_flagged(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    // The controls of the two tests above: the same calls with a topic instead of a reason or a report.
    [TestCase("der Zoom-Call zur Rechnung, bitte heute")]
    [TestCase("gọi zalo với anh về biên bản nhé")]
    [TestCase("ring meg om kassene på lageret")]
    [TestCase("lo hablamos en persona, es sobre el presupuesto")]
    [TestCase("liga-me por causa do orçamento")]
    [TestCase("gọi cho anh nhé, về báo giá cho khách")]
    [TestCase("kallemni 3ashan el contract")]
    [TestCase("bel my asseblief oor die kontrak")]
    public void The_same_calls_with_a_topic_instead_are_flagged(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("Bestand bitte sofort zählen, der Prüfer ist da")]
    [TestCase("shikyuu onegaishimasu, the label files for the Kobe order")]
    [TestCase("ab3at el voucher lel hotel 7alan")]
    [TestCase("die kontrak moet dadelik geteken word")]
    public void Urgency_in_a_new_language_or_form_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("isogi janai desu, but please check the Kobe labels")]
    [TestCase("ab3at el voucher lel hotel 7alan, 2abl el dohr")]
    [TestCase("die kontrak is nie dringend nie, kyk Vrydag daarna")]
    [TestCase("không gấp, anh xem báo giá khi rảnh nhé")]
    public void A_negation_or_a_deadline_in_a_new_language_silences_it(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.VagueUrgency));
}
