using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", fourteenth pass of issue #20 (branch <c>mc24</c>): readings that hold in any language (a
/// name closing an ask that is all filler, a short question whether someone is at the office, a call asked in four
/// words), a wish for the reader's health as a parting wish, and "who"/"what" in more languages keeping the model
/// away. Paraphrases written for this file, none an item of a development set; each kind has counter-cases. The
/// grammar tests run without the model, so a finding cannot be its.
/// </summary>
public sealed class MissingContextFourteenthPassDecisionsTests
{
    // A model that says "naked" to every message it is asked about: what is left complete was never asked.
    private static readonly RuleEngine Eager = new(PhraseBook.Default, RuleEngine.DefaultRules(new NakedModel(new float[1 << NakedModel.Bits], float.NegativeInfinity)));

    // The grammars alone.
    private static readonly RuleEngine Grammars = new(PhraseBook.Default, RuleEngine.DefaultRules(null));

    [TestCase("asap pls Mereana")]
    [TestCase("need you urgently Tevita")]
    [TestCase("got a minute Inés?")]
    public void A_name_closing_an_ask_that_is_all_filler_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("asap pls GDPR")]
    [TestCase("urgent pls check the Henderson")]
    [TestCase("Mereana")]
    public void A_word_in_capitals_a_name_after_content_or_a_name_alone_is_not_a_closing_name(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("<!here> jemand im office?")]
    [TestCase("<!here> somebody in ofis?")]
    [TestCase("yu stap long ofis?")]
    [TestCase("you at the office?")]
    public void A_short_question_whether_someone_is_at_the_office_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("office open tomorrow?")]
    [TestCase("office wifi down?")]
    [TestCase("which office?")]
    [TestCase("office 3 free?")]
    [TestCase("ofis Nairobi au Mombasa?")]
    [TestCase("anyone know if the office kitchen has oat milk?")]
    public void A_question_about_the_office_itself_or_a_longer_one_is_not_a_whereabouts_check(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("zoom ngayon ba tayo?")]
    [TestCase("facetime wir mal kurz?")]
    public void A_call_asked_in_four_words_of_any_language_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("zoom sobre el presupuesto?")]
    [TestCase("videollamada con Medtronic mañana?")]
    [TestCase("telefon 0723 ba tayo?")]
    [TestCase("zoom ngayon ba tayo para sa budget?")]
    public void A_call_with_a_topic_a_name_a_number_or_five_words_is_not_a_bare_call(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("good morning, take care of yourself")]
    [TestCase("hi Ana, stay safe")]
    [TestCase("morning all, keep well")]
    public void A_greeting_with_a_wish_for_the_readers_health_is_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Contain(RuleIds.MissingContext));

    [TestCase("take care!")]
    [TestCase("good morning, take care of the invoice today")]
    [TestCase("stay safe")]
    public void A_parting_wish_alone_or_taking_care_of_a_thing_is_not_naked(string text) =>
        Assert.That(RulesOn(Grammars, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("<!here> pwy sy gyda'r allwedd?")]
    [TestCase("<!here> tko ima kabel?")]
    [TestCase("beth sydd ei angen?")]
    [TestCase("hvat tørvar tú?")]
    public void Who_and_what_in_more_languages_name_the_topic_so_the_model_is_not_asked(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("<!here> pawb yn y swyddfa?")]
    public void A_question_without_those_words_is_still_put_to_the_model(string text) =>
        Assert.That(RulesOn(Eager, text), Does.Contain(RuleIds.MissingContext));

    [Test]
    public void A_whereabouts_finding_names_the_office_word_as_written_in_the_evidence()
    {
        var finding = Grammars.Evaluate(Message("mtu yuko ofisi?"), Context())
            .Single(f => f.RuleId == RuleIds.MissingContext);

        Assert.That(finding.Evidence, Is.EqualTo(new[] { "ofisi" }));
    }

    private static IEnumerable<string> RulesOn(RuleEngine engine, string text)
    {
        var (kind, channel) = text.Contains("<!here>", StringComparison.Ordinal) ? (ConversationKind.Channel, "C1") : (ConversationKind.Im, "D1");
        return engine.Evaluate(Message(text, kind, channel: channel), Context(kind, channel)).Select(f => f.RuleId);
    }
}
