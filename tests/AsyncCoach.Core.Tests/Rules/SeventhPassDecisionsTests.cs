using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", seventh pass of issue #20 (branch <c>vague20</c>): vague-urgency reads whose
/// urgency a word is. A demand: speed closing a clause that asks ("… sharpish", "… like yesterday", a
/// want or need of a thing "… now"/"… yesterday"), an imperative after a group addressed or on the
/// reader's own things, asking for priority, calling it pressing. Not a demand: the word mentioned (in
/// quotation marks, a name in capitals, a gloss, a definition), the author's promise, a priority named
/// as a goal, a wish told at a distance, a negated subject or a negation across an aside.
/// Paraphrases written for this file, none an item of a development set.
/// </summary>
public sealed class SeventhPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("need the signed lease back sharpish")]
    [TestCase("the auditor wants the ledger extracts right away")]
    [TestCase("the landlord wants the keys returned yesterday")]
    [TestCase("send the rota like yesterday pls")]
    [TestCase("everyone update your timesheets immediately")]
    [TestCase("all drivers check your tyre pressure right away")]
    [TestCase("send your expense claims asap")]
    [TestCase("kindly prioritise my refund request")]
    [TestCase("can you prioritize the Henley order please")]
    [TestCase("can someone check the boiler? it's getting really pressing")]
    [TestCase("abeg send am sharp sharp")]
    [TestCase("need those invoices quick please")]
    [TestCase("will you send the figures asap?")]
    [TestCase("I'll need the slides asap")]
    [TestCase("the doctors want answers now")]
    [TestCase("need this ASAP Sarah")]
    [TestCase("before we start guessing, can someone send the logs asap")]
    [TestCase("send the pallet count straightaway")]
    [TestCase("need the keys immediatly")]
    [TestCase("time is of the essence on the Gorman contract, please sign it")]
    [TestCase("drop what you're doing and call the vet")]
    [TestCase("I need an answer this instant")]
    [TestCase("get on this right this minute")]
    [TestCase("we need the rota soonest")]
    [TestCase("send it through as soon as you're able")]
    public void A_demand_for_speed_in_these_shapes_is_vague_urgency(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("the fix is not, to be honest, urgent")]
    [TestCase("it's not, as far as I know, time sensitive")]
    [TestCase("no one here needs the new badge printer asap")]
    [TestCase("nobody on the night shift needs the report right away")]
    [TestCase("no need to ring me now, we can sort it by email")]
    [TestCase("will do asap")]
    [TestCase("ok, I'll send it over right away")]
    [TestCase("sure, we can ship them immediately")]
    [TestCase("our top priority this quarter is retention")]
    [TestCase("the customer wants everything immediately, as always, but can you give them a real date")]
    [TestCase("fwd: \"please call me asap about the missing crates\" - from the Leeds depot. Who can take it?")]
    [TestCase("the customer wrote 'I want a refund ASAP!!' but it was already processed")]
    [TestCase("our episode \"Urgent: a nurse's story\" got 10k plays")]
    [TestCase("we stock URGENT Cold Relief tablets at both branches")]
    [TestCase("the queue \"Kiireellinen\" (urgent) will be renamed next year")]
    [TestCase("asap = as soon as possible, see the glossary")]
    [TestCase("in our style guide, urgent means someone could get hurt")]
    [TestCase("need the tally sheets asap before she leaves")]
    [TestCase("I need to tell you what happened yesterday")]
    [TestCase("I need the file Sam emailed yesterday")]
    [TestCase("I want to go home now")]
    [TestCase("we could have done it quickly")]
    [TestCase("the meeting starts at 9 sharp")]
    [TestCase("we send your invoices immediately after delivery")]
    [TestCase("she answered straightaway")]
    [TestCase("call me as soon as you're back from the site")]
    [TestCase("wait a minute")]
    public void Urgency_mentioned_promised_named_or_denied_is_not_vague_urgency(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.VagueUrgency));

    [Test]
    public void A_label_that_opens_the_message_is_not_a_named_goal() =>
        Assert.That(RulesOn("top priority: the freezer alarm keeps going off, someone look at it"), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("need those cask samples sharpish pls", "sharpish pls")]
    [TestCase("the client wants the brochure proofs like yesterday", "like yesterday")]
    [TestCase("send the stock count quickly please", "quickly please")]
    public void The_closing_word_of_speed_is_the_evidence(string text, string evidence)
    {
        var finding = Engine.Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1")).Single(f => f.RuleId == RuleIds.VagueUrgency);
        Assert.That(finding.Evidence, Is.EqualTo(new[] { evidence }));
    }

    private static IEnumerable<string> RulesOn(string text) =>
        Engine.Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1")).Select(f => f.RuleId);
}
