using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.Rules.Languages.LanguageProbe;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>Fijian greetings and the words Fijian colleagues mix into English (<c>phrases.fj.json</c>).</summary>
public sealed class PacificLanguagesTests
{
    [TestCase("bula Seru!")]
    [TestCase("ni sa yadra vinaka")]
    [TestCase("talanoa mada?")]
    public void A_greeting_or_a_request_to_talk_alone_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("bula Seru, the ferry for the Nadi group leaves at 9:40 tomorrow")]
    [TestCase("vinaka vakalevu for the roster")]
    public void With_its_topic_or_as_thanks_it_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));
}
