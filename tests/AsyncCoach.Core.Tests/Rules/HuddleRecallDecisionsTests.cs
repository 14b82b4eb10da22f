using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", huddle pass <c>huddle20c</c> (issue #20): proposals of a live call that the
/// grammar missed on unseen text, each with the counter-case it must not take. Proposes: meeting in a
/// place, coming to one or gathering round something with a joint purpose; syncing or meeting on a medium;
/// a bridge spun up; "how about / free for a quick …"; "can we have a short call / meeting"; "WhatsApp
/// call" as a verb; "talk it through over Meet / on Teams"; "please call back"; "quick Teams with …?".
/// Does not: something broken "again", a call offered "if easier" with the content written, a
/// wellbeing check, "doesn't work for" a team is a topic, not an outage, and "the planning conditions" is
/// no planning meeting. Paraphrases written for this file, none a devset line.
/// </summary>
public sealed class HuddleRecallDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly RuleEngine GrammarOnly = new(PhraseBook.Default, [new HuddleInsteadOfThreadRule(null)]);

    [TestCase("let's meet at the loading bay at 4 and go over the returns together")]
    [TestCase("we should meet up and walk through the onboarding checklist")]
    [TestCase("please come to my office after the break, we will go through the budget lines")]
    [TestCase("shall we get the drivers and dispatch round a table on Monday to go through the new routes?")]
    [TestCase("can we sync on a call about the Q3 scope?")]
    [TestCase("spin up a bridge with me about the DNS change?")]
    [TestCase("how about a quick zoom about the supplier quotes")]
    [TestCase("anyone free for a quick call about the grant report?")]
    [TestCase("can we have a short meeting with the interns to explain the new timesheet?")]
    [TestCase("shall we video call with the landlord about the lease renewal?")]
    [TestCase("ok let's just zoom it")]
    [TestCase("quick teams with the auditors about the sample size?")]
    [TestCase("could we talk through the seating plan over Meet later?")]
    [TestCase("can I just phone ye about the permit?")]
    [TestCase("madam urgent, please call back")]
    [TestCase("can we have a quick call about the planning permission for the extension?")]
    [TestCase("can we do a call about the shift pattern? the new rota doesn't work for the night crew")]
    public void The_grammar_reads_these_as_a_proposal_of_a_live_call(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [TestCase("the label printer's jammed again, can you ring me? I'll talk you through clearing it")]
    [TestCase("the kiln won't restart after the power blip, ring me")]
    [TestCase("happy to jump on a call if easier, but the short version is the price goes up 4% in March")]
    [TestCase("heard about your mum, if you fancy a chat on the phone tonight I'm around")]
    [TestCase("heard Priya got hurt at the warehouse, want to talk on the phone later? no work stuff")]
    [TestCase("can we have a call? you mentioned feeling stressed about the deadline and I'd like to hear how you're going")]
    [TestCase("I'll call back the courier about the missing parcel")]
    [TestCase("we met at the depot and went through the checklist, all signed off")]
    [TestCase("let's call it a day, the rest can wait for Monday")]
    [TestCase("let's come to the point, we can argue about the font later")]
    public void These_are_not_a_proposal(string text)
    {
        Assert.That(RulesOn(GrammarOnly, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "the grammar alone");
        Assert.That(RulesOn(Engine, text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread), "with the model");
    }

    [Test]
    public void Something_that_does_not_suit_a_team_is_a_topic_but_something_broken_is_a_reason()
    {
        Assert.That(RulesOn(Engine, "can we hop on a call? the holiday rota doesn't work for the Leeds team"), Does.Contain(RuleIds.HuddleInsteadOfThread));
        Assert.That(RulesOn(Engine, "can we hop on a call? the card reader doesn't work"), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));
    }

    [Test]
    public void Planning_before_a_noun_is_a_topic_but_the_planning_meeting_still_vetoes()
    {
        Assert.That(RulesOn(Engine, "can we hop on a call about the planning application?"), Does.Contain(RuleIds.HuddleInsteadOfThread));
        Assert.That(RulesOn(Engine, "reminder: planning is moved to 3, hop on the call link in the invite"), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));
    }

    [Test]
    public void Calling_back_proposes_only_when_the_reader_is_called()
    {
        Assert.That(RulesOn(GrammarOnly, "please call back when you can"), Does.Contain(RuleIds.HuddleInsteadOfThread));
        Assert.That(RulesOn(GrammarOnly, "please call back the supplier about the pallets"), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));
    }

    private static IEnumerable<string> RulesOn(RuleEngine engine, string text) =>
        engine.Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1")).Select(f => f.RuleId);
}
