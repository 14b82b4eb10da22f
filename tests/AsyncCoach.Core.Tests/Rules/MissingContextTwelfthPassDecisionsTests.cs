using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", twelfth pass of issue #20 (branch <c>naked22</c>): missing-context read on
/// unseen text. The model is not asked about a greeting followed by a clause that addresses no one and
/// is one word or four and more ("hi, lunch?", a statement: the clause is the request), nor about a
/// question that asks what is needed or who has a thing in another language; time asked for without its
/// subject, whether now suits the reader, reaching them by phone and an intensified bare urgency flag
/// are read by the grammars. Paraphrases written for this file, none an item of a development set;
/// each kind has counter-cases. The gate tests use a model that calls every message naked, so they
/// hold whatever the weights are.
/// </summary>
public sealed class MissingContextTwelfthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    // A model that says "naked" to every message it is asked about: what is left complete was never asked.
    private static readonly RuleEngine Eager = new(PhraseBook.Default, RuleEngine.DefaultRules(new NakedModel(new float[1 << NakedModel.Bits], float.NegativeInfinity)));

    [TestCase("could I ring you?")]
    [TestCase("can i phone you now?")]
    [TestCase("is now a good time to talk?")]
    [TestCase("is this an ok moment?")]
    [TestCase("hey, have a sec?")]
    [TestCase("got a minute for a quick chat?")]
    [TestCase("madam very urgent")]
    [TestCase("super urgent pls")]
    public void Time_asked_for_without_a_subject_a_good_moment_a_phone_call_or_an_intensified_urgency_is_naked(string text) =>
        Assert.That(RulesOn(Engine, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("could I ring you about the Lisbon invoice?")]
    [TestCase("is now a good time to merge the branch?")]
    [TestCase("got time for the budget review?")]
    [TestCase("very urgent: the freezer alarm is going off")]
    [TestCase("not that urgent")]
    [TestCase("any time!")]
    public void The_same_with_a_topic_a_negation_or_as_a_reply_is_complete(string text) =>
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("hi, lunch?")]
    [TestCase("hello, coffee?")]
    [TestCase("hey, I'm back")]
    [TestCase("hello, printer is jammed again")]
    [TestCase("morning Tomasz, paczka jest już w recepcji")]
    public void A_greeting_then_one_word_a_statement_or_news_about_the_author_is_not_left_to_the_model(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("hi, any luck catching you?")]
    [TestCase("hola, ¿andas cerca?")]
    [TestCase("hello, sorry, can talk?")]
    public void A_greeting_then_the_reader_addressed_two_or_three_words_or_more_clauses_is_still_asked(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("Rui, o que precisas?")]
    [TestCase("Marek, co potrzebujesz?")]
    [TestCase("¿quién tiene la llave del almacén?")]
    [TestCase("kto ma klucz do magazynu?")]
    public void What_is_needed_or_who_has_a_thing_asked_in_another_language_is_not_left_to_the_model(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("epa, ¿qué tal?")]
    [TestCase("oye, ¿qué más?")]
    public void A_greeting_that_uses_the_word_is_still_asked(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Contain(RuleIds.MissingContext));

    private static IEnumerable<string> RulesOn(RuleEngine engine, string text) =>
        engine.Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1")).Select(f => f.RuleId);
}
