using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", eleventh pass of issue #20 (branch <c>naked21</c>): missing-context read on
/// unseen text. Where the reader is coming back from, where they are after "how are things", a group
/// named after a greeting before a parting wish, and a wish that they are rested are no topic; the
/// model is not asked about words in a script the lists do not read, nor about a thing named by a
/// determiner in another language. Paraphrases written for this file, none an item of a development
/// set; each kind has counter-cases. A parting wish alone ("have a great evening!") is a farewell, not a greeting.
/// </summary>
public sealed class MissingContextEleventhPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("are you back from the warehouse yet?")]
    [TestCase("you back from the dentist?")]
    [TestCase("got a sec once you're back from the school run?")]
    [TestCase("hiya, how are things in Dundee?")]
    [TestCase("morning! how's life over there?")]
    [TestCase("Good evening all night staff, have a safe shift")]
    [TestCase("hey Mo, hope the move went smoothly and you're settled")]
    public void Whereabouts_how_they_are_a_group_greeted_or_a_wish_with_no_topic_is_naked(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("are you back from the warehouse with the pallets?")]
    [TestCase("you back from the dentist? the plumber needs a key")]
    [TestCase("got a sec once you're back from the school run about the fees?")]
    [TestCase("how are things on the Henderson account?")]
    [TestCase("hiya, how are things in Dundee? can you send the rota")]
    [TestCase("Good evening all night staff, the gate code is now 4411")]
    [TestCase("hey Mo, hope the move went smoothly and you're settled, the keys are in the box")]
    public void The_same_with_a_topic_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("have a great evening!")]
    [TestCase("have a good morning")]
    [TestCase("enjoy the rest of your evening")]
    public void A_parting_wish_alone_is_a_complete_farewell(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("hi, have a great evening")]
    [TestCase("good evening Sam, have a good one")]
    [TestCase("have a great evening! you around tomorrow?")]
    public void A_parting_wish_after_a_greeting_or_before_an_ask_adds_nothing(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("¿alguien tiene las llaves del depósito?")]
    [TestCase("quelqu'un a vu les factures de mars ?")]
    [TestCase("hat jemand das Ladegerät gesehen?")]
    [TestCase("회의 자료 보셨어요?")]
    public void A_thing_named_in_another_language_or_words_the_lists_cannot_read_are_not_left_to_the_model(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    private static IEnumerable<string> RulesOn(string text, ConversationKind kind = ConversationKind.Im) =>
        Engine.Evaluate(Message(text, kind, channel: kind == ConversationKind.Im ? "D1" : "C1"), Context(kind, kind == ConversationKind.Im ? "D1" : "C1")).Select(f => f.RuleId);
}
