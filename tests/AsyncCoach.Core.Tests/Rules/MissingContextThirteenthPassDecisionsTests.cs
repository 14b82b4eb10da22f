using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", thirteenth pass of issue #20 (branch <c>naked23</c>): readings of what a message
/// does that hold in any language (a title before a name after a greeting, a wave beside a word or two, a call
/// asked in three words, an offer to the group, a message that takes itself back, "who"/"what"/"about" in more
/// languages) and English asks announced but not said ("I have a small request", "can I pick your brain?"). Paraphrases written for this file, none an item of a
/// development set; each kind has counter-cases. The gate tests use a model that calls every message naked,
/// so they hold whatever the weights are.
/// </summary>
public sealed class MissingContextThirteenthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    // A model that says "naked" to every message it is asked about: what is left complete was never asked.
    private static readonly RuleEngine Eager = new(PhraseBook.Default, RuleEngine.DefaultRules(new NakedModel(new float[1 << NakedModel.Bits], float.NegativeInfinity)));

    // The grammars alone, so a finding cannot be the model's.
    private static readonly RuleEngine Grammars = new(PhraseBook.Default, RuleEngine.DefaultRules(null));

    [TestCase("Dobro jutro gospod Kranjc")]
    [TestCase("good morning madame Lefebvre")]
    [TestCase("hello señora Gutiérrez")]
    public void A_greeting_then_a_title_and_a_name_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("good morning new Jenkins build is red")]
    [TestCase("hi, printer Brother jammed")]
    public void A_greeting_then_a_capitalised_word_in_a_longer_clause_is_not_a_title(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("mingalaba :wave:")]
    [TestCase("sawubona 👋")]
    [TestCase("kamusta Lito :wave:")]
    public void A_word_or_two_beside_a_wave_is_a_greeting(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("thanks 👋")]
    [TestCase("bye for now :wave:")]
    [TestCase("deploy done 👋")]
    [TestCase("lunch? :wave:")]
    [TestCase(":wave:")]
    [TestCase("the crane inspection passed this morning :wave:")]
    public void A_wave_with_thanks_a_farewell_an_answer_a_question_nothing_or_a_sentence_is_not_read_as_a_greeting(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("videollamada ahorita?")]
    [TestCase("facetime kejap?")]
    [TestCase("telefonujemy teraz?")]
    public void A_call_asked_in_three_words_of_any_language_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("videollamada sobre presupuesto?")]
    [TestCase("zoom con Medtronic?")]
    [TestCase("telefon 0723 hoje?")]
    [TestCase("videollamada mañana con el cliente de Lima?")]
    public void A_call_with_what_it_is_about_a_name_a_number_or_more_words_is_not_read_as_bare(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("hi, I have a small request")]
    [TestCase("hey, can you do me a favour?")]
    [TestCase("hello, I need some help")]
    [TestCase("I'd like to discuss something with you")]
    [TestCase("hi, may I have a minute of your time?")]
    [TestCase("hey, got 2 secs?")]
    [TestCase("hi, when's a good time to talk?")]
    [TestCase("Good evening, sorry for the late message. Are you available?")]
    [TestCase("hey, can I pick your brain for a minute?")]
    [TestCase("Hi, can I reach you by phone?")]
    [TestCase("hey, small favour to ask")]
    [TestCase("hi, something urgent came up")]
    [TestCase("hello, reachable?")]
    [TestCase("could I have 5 minutes with you?")]
    public void An_ask_announced_but_not_said_time_asked_for_or_an_apology_for_the_hour_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("hi, I have a small request: can you water the plants on Friday?")]
    [TestCase("hey, can you do me a favour and sign the delivery note?")]
    [TestCase("hello, I need some help with the payroll export")]
    [TestCase("I'd like to discuss the rota with you")]
    [TestCase("hi, when's a good time to review the deck?")]
    [TestCase("sorry for the late message, the pallets left at 6")]
    [TestCase("can I pick your brain about the kiln schedule?")]
    [TestCase("small favour to ask: can you sign for the parcel at 2?")]
    [TestCase("something urgent came up with the Dublin shipment")]
    public void The_same_with_the_ask_said_is_complete(string text) =>
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("coffee anyone?")]
    [TestCase("<!here> chai break, samosas anyone?")]
    [TestCase("Guten Morgen! Kannst du... sorry, wrong window")]
    [TestCase("<!here> nani ana funguo ya stoo?")]
    [TestCase("<!here> kimda printer kaliti bor?")]
    [TestCase("<@U2> salom, narxlar haqida gaplashamizmi?")]
    public void An_offer_to_the_group_a_message_taken_back_or_who_what_and_about_in_more_languages_are_not_left_to_the_model(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("anyone around?")]
    [TestCase("hey, is anyone free?")]
    public void Who_is_there_asked_of_the_group_is_still_naked(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Contain(RuleIds.MissingContext));

    [Test]
    public void A_finding_read_from_a_wave_carries_the_wave_as_evidence_not_the_words()
    {
        var finding = Grammars.Evaluate(Message("halito :wave:", ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1"))
            .Single(f => f.RuleId == RuleIds.MissingContext);

        Assert.That(finding.Evidence, Is.EqualTo(new[] { ":wave:" }));
    }

    // A broadcast is judged in a channel, everything else in a DM.
    private static IEnumerable<string> RulesOn(RuleEngine engine, string text)
    {
        var (kind, channel) = text.Contains("<!here>", StringComparison.Ordinal) ? (ConversationKind.Channel, "C1") : (ConversationKind.Im, "D1");
        return engine.Evaluate(Message(text, kind, channel: channel), Context(kind, channel)).Select(f => f.RuleId);
    }
}
