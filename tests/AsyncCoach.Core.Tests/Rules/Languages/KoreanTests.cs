using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Korean in Hangul and romanised (<c>phrases.ko.json</c>). Session 13's sentences (branch <c>lang23</c>), written from general vocabulary, none an item of a
/// labelled set.
/// </summary>
public sealed class KoreanTests
{
    [TestCase("안녕하세요!")]
    [TestCase("혹시 시간 있으세요?")]
    [TestCase("팀장님 안녕하세요~ 잠깐 시간 되세요?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("안녕하세요, 11월 발주서 보내드렸습니다. 수량 확인 부탁드립니다")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("전화 주세요")]
    [TestCase("통화할까요? 배송 일정 때문에요")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("통화 안 해도 돼요, 여기에 적을게요")]
    [TestCase("아까 통화로 말씀드린 건 문서에 있어요")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("급해요!! 라벨 다시 뽑아 주세요")]
    [TestCase("보고서 최대한 빨리 보내 주세요")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("급하지 않아요, 시간 될 때 봐 주세요")]
    [TestCase("보고서 최대한 빨리 보내 주세요, 금요일까지")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
