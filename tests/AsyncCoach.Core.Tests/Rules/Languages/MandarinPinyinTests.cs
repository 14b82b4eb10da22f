using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>
/// Mandarin Chinese in pinyin, with or without tone marks (<c>phrases.zh.json</c>). Session 13's sentences (branch <c>lang23</c>), written from general vocabulary, none an item of a
/// labelled set.
/// </summary>
public sealed class MandarinPinyinTests
{
    [TestCase("nihao!")]
    [TestCase("zai ma?")]
    [TestCase("ni hao, you kong ma?")]
    public void A_greeting_or_an_availability_check_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("nihao Li, fapiao yijing fa gei kehu le, qing hedui jine")]
    public void With_its_topic_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("da ge dianhua ba, shuo yixia baojia")]
    [TestCase("women kai ge huiyi tan yixia Q1 jihua")]
    public void A_call_proposal_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("bu yong da dianhua, wo xie zai zheli")]
    [TestCase("zuotian kai le huiyi, jilu zai wendang li")]
    [TestCase("da ge dianhua gei kehu le ma?")]
    public void A_past_declined_or_justified_call_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("fapiao mashang fa gei wo")]
    [TestCase("hěn jí, qing kuaidian hui wo")]
    public void Urgency_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("bu ji, man man lai")]
    [TestCase("fapiao mashang fa gei wo, jintian xiaban qian")]
    public void A_negation_or_a_deadline_silences_it(string text) =>
        Assert.That(UrgencyRulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));
}
