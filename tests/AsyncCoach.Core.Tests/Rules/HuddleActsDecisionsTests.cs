using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", huddle pass of issue #20 (branch <c>huddle20b</c>): what a message does about
/// a live call. Proposes one: people brought together in a place or on a line, coming over to a place
/// to do something together, talking live (a verb of talking with "live", "verbally", "on the phone"),
/// "voice" as a medium, a time booked together, "dial in" proposed, a call after a standing meeting.
/// Does not: a call reported in the past, a meeting named with its time, "give us a shout", "free to
/// chat?" with no topic, an errand to a place. Paraphrases written for this file, none a devset line.
/// </summary>
public sealed class HuddleActsDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly RuleEngine GrammarOnly = new(PhraseBook.Default, [new HuddleInsteadOfThreadRule(null)]);

    [TestCase("let's get the buyers and the warehouse lead together to settle the returns policy")]
    [TestCase("can we get you, Omar and finance on the phone about the refund backlog")]
    [TestCase("could we all get round a table on Thursday and agree the shift swap rules")]
    [TestCase("swing past the lab on your way out and we'll go over the assay plan")]
    [TestCase("pop down to accounts about the duplicate invoices when you get a chance")]
    [TestCase("come into my office after lunch, I'll show you the new rota tool")]
    [TestCase("let's talk through the rollout order live, too many branches for Slack")]
    [TestCase("can I explain the pricing change verbally? typing it out would take ages")]
    [TestCase("shall we have a quick natter on the phone about the venue contract")]
    [TestCase("hop on voice later about the raid schedule?")]
    [TestCase("can we schedule 15 minutes to review the grant budget together?")]
    [TestCase("I'll ring you after standup to explain the new handover")]
    [TestCase("shall we all dial in and sort the rota out?")]
    [TestCase("suggest we all dial into a zoom at 2 to agree the budget")]
    [TestCase("free to talk about the supplier contract?")]
    [TestCase("let's find 20 minutes to go over the guest wifi settings")]
    public void The_grammar_reads_these_as_a_proposal_of_a_live_talk(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [TestCase("we did a quick huddle with the lighting crew, cue 14 moves to the top of act two")]
    [TestCase("the site lead got on zoom with the council this morning, the permit is extended")]
    [TestCase("we jumped on a call with the carrier and the pallets ship Monday")]
    [TestCase("everyone please update the trackers before the 4pm client call")]
    [TestCase("when you've wrapped the stocktake give us a shout")]
    [TestCase("u free to chat?")]
    [TestCase("pop into the office and grab the spare van keys")]
    [TestCase("we talked it through on the phone yesterday, all agreed")]
    [TestCase("voice memo from the site walk is in the folder")]
    public void These_are_not_a_proposal(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [Test]
    public void A_thing_named_as_a_topic_is_no_reason_but_a_failure_still_is()
    {
        Assert.That(RulesOn(Engine, "can we hop on a call about the new office wifi layout?"), Does.Contain(RuleIds.HuddleInsteadOfThread));
        Assert.That(RulesOn(Engine, "the office wifi is down, can we hop on a call?"), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));
    }

    [Test]
    public void A_free_to_talk_check_is_only_missing_context_without_a_topic()
    {
        Assert.That(RulesOn(Engine, "u free to chat?"), Does.Contain(RuleIds.MissingContext));
        Assert.That(RulesOn(Engine, "free to chat about the Leeds invoice?"), Does.Contain(RuleIds.HuddleInsteadOfThread));
    }

    private static IEnumerable<string> RulesOn(RuleEngine engine, string text) =>
        engine.Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1")).Select(f => f.RuleId);
}
