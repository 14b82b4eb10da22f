using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", sixth pass of issue #20 (branch <c>context20</c>): what a message does,
/// read in wordings the earlier passes did not know. missing-context: names with accents after a
/// greeting, good wishes about the message itself, "when you're done with …", availability checks in
/// other languages, whereabouts with a second place, small talk about the reader's time away; and
/// messages that say what they are about stay complete. vague-urgency: speed demanded in other words
/// (hurry, rush, expedite, fast-track, the sooner the better, "need it yesterday", an imperative with
/// any verb, other languages) against standing procedures under a condition, asking for a label,
/// quoted words, a negated or nominal "rush", and deadlines named as a day's event or in other languages.
/// Paraphrases written for this file, none an item of a development set.
/// </summary>
public sealed class SixthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("Hi Zoë, got a sec?")]
    [TestCase("hey Jürgen, can I borrow you for 5 mins?")]
    [TestCase("Dear Ms Novak, I hope this email finds you well")]
    [TestCase("we hope our message finds you well")]
    [TestCase("do you have a minute once you're finished with the inventory?")]
    [TestCase("hallo Tim, haben Sie einen Moment?")]
    [TestCase("olá, tem um minutinho?")]
    [TestCase("ciao, hai un attimo?")]
    [TestCase("bonjour, vous avez une minute ?")]
    [TestCase("dzień dobry, masz chwilę?")]
    [TestCase("hej, heb je even tijd?")]
    [TestCase("chào chị, chị rảnh không?")]
    [TestCase("are you at the depot or working from home today?")]
    [TestCase("hiya, how was your holiday in Crete?")]
    [TestCase("hey! how was the big trip?")]
    [TestCase("buenas, alguien tiene un minuto?")]
    [TestCase("morning all, is anyone of you around?")]
    public void An_ask_for_contact_in_other_wordings_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("hey, quick question about the rota for Saturday")]
    [TestCase("the fix can wait, it's a cosmetic bug")]
    [TestCase("how was the client workshop yesterday?")]
    [TestCase("are you at the depot or should I bring the van keys to the office?")]
    [TestCase("hallo Tim, hast du kurz Zeit für das Budget?")]
    public void A_message_that_names_its_topic_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [Test]
    public void The_grammars_read_these_without_the_model()
    {
        var rule = new MissingContextRule(model: null);
        var engine = new RuleEngine(PhraseBook.Default, [rule]);
        foreach (var text in (string[])["Hi Zoë, got a sec?", "dzień dobry, masz chwilę?", "are you at the depot or working from home today?", "hiya, how was your holiday in Crete?"])
        {
            Assert.That(engine.Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1")).Select(f => f.RuleId), Does.Contain(RuleIds.MissingContext), text);
        }
    }

    [TestCase("the sooner the better with the signed lease")]
    [TestCase("hurry with the sample bags please")]
    [TestCase("can you rush the pathology report")]
    [TestCase("please get the visa application fast-tracked")]
    [TestCase("get a move on with the staging build")]
    [TestCase("need the signed waiver yesterday")]
    [TestCase("unplug the heater immediately")]
    [TestCase("urgente: necesito el contrato firmado")]
    [TestCase("if you can, send the waiver immediately")]
    [TestCase("chase the courier, this won't wait")]
    [TestCase("need today's sales figures asap")]
    [TestCase("set it up asap please")]
    [TestCase("act quickly on the supplier's complaint")]
    public void Speed_demanded_in_other_words_is_vague_urgency(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("no rush with the sample bags, whenever")]
    [TestCase("we rushed the pathology report last month and it had errors")]
    [TestCase("if the sprinkler alarm trips, evacuate the hall immediately")]
    [TestCase("whenever a delivery arrives damaged, photograph it right away")]
    [TestCase("please tag the ticket as urgent so triage sees it")]
    [TestCase("'urgent' now appears in half our subject lines")]
    [TestCase("high priority: the props list for tomorrow's rehearsal")]
    [TestCase("urgente: necesito el contrato firmado hoy")]
    [TestCase("the fix can wait, it's a cosmetic bug")]
    [TestCase("I can't wait to see the new office")]
    public void Procedures_labels_quotes_and_named_days_are_not_vague_urgency(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.VagueUrgency));

    [Test]
    public void The_speed_demand_is_the_evidence()
    {
        var finding = Engine.Evaluate(Message("hurry with the sample bags please", ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1"))
            .Single(f => f.RuleId == RuleIds.VagueUrgency);
        Assert.That(finding.Evidence, Is.EqualTo(new[] { "hurry" }));
    }

    private static IEnumerable<string> RulesOn(string text, ConversationKind kind = ConversationKind.Im) =>
        Engine.Evaluate(Message(text, kind, channel: kind == ConversationKind.Im ? "D1" : "C1"), Context(kind, kind == ConversationKind.Im ? "D1" : "C1")).Select(f => f.RuleId);
}
