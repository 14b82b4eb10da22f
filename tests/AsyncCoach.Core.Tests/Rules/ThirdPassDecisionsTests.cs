using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", third pass of issue #20 (branch <c>accuracy3</c>): asking to ask, asking
/// when someone is free, "let's" as glue, and negators that are pronouns. The wordings are this
/// file's own paraphrases of each kind, not items of either development set.
/// </summary>
public sealed class ThirdPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly string[] None = [];
    private static readonly string[] Mc = [RuleIds.MissingContext];
    private static readonly string[] Vague = [RuleIds.VagueUrgency];
    private static readonly string[] McAndHuddle = [RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread];

    private static IEnumerable<TestCaseData> DirectMessages()
    {
        (string Decision, string Text, string[] Rules)[] cases =
        [
            // Asking to ask: the question itself is not said.
            ("asking to ask: may I ask something", "hello, may I ask something?", Mc),
            ("asking to ask: you something quickly", "hey, can I ask you something quickly?", Mc),
            ("asking to ask: a small question", "could I ask a small question pls?", Mc),
            ("asking to ask: abbreviated", "can i ask u smth?", Mc),
            ("asking to ask with the question is not naked", "can I ask you something: where is the VPN config kept?", None),
            ("asking about a thing is not naked", "can I ask the vendor for a refund?", None),

            // Asking when someone is free, only about the person.
            ("when: are you free", "hey, when are you free?", Mc),
            ("when: will you be around", "when will you be around today?", Mc),
            ("when: informal", "when r u back?", Mc),
            ("when about a thing is a real question", "when are the lab results due?", None),
            ("when with a topic is not naked", "when are you free to review the grant budget?", None),

            // "let's" before a call request is glue, not a topic.
            ("let's and a bare call", "hi, let's hop on a call", McAndHuddle),
            ("let's and a call with a topic", "let's hop on a call about the invoice template", [RuleIds.HuddleInsteadOfThread]),

            // Pronoun negators.
            ("none of this is urgent", "none of this is urgent, take your time", None),
            ("nobody needs it asap", "nobody needs the report asap, the audit moved", None),
            ("a negator in another clause does not count", "none of the fixes landed, I need the patch asap", Vague),

            // The check-in on the person, with a "you"; a pleasantry wish however it is worded.
            ("you ok", "u okay?", Mc),
            ("are you good", "hey, are you good?", Mc),
            ("a bare ok? agrees", "ok?", None),
            ("a wish about the weekend", "Morning! hope your holiday was relaxing", Mc),
            ("a wish then the ask", "hi, hope you're well, can you send the Q3 invoices?", None),
            ("a hope about a thing is content", "hi, hope the migration finishes before the backup window", None),
            ("a place of three words", "are you at the Oak Rd depot tmrw?", Mc),

            // vague-urgency: someone else's label or words, a procedure, a demand closed by "pls" or "have to".
            ("someone else's label", "the auditor marked three findings as high priority, details in the report", None),
            ("someone else's words", "the landlord says it's urgent for him, our lease terms don't change", None),
            ("a procedure triggered by an event", "the runbook says to page on-call immediately after a failed backup", None),
            ("a demand closed by pls", "the signage has to be replaced right away pls", Vague),
            ("have to, then right away", "these invoices have to go out right away", Vague),
            ("a listed deadline after since is when it started", "top priority: reconcile every payment since Monday", Vague),
            ("a listed deadline after until is when it stops", "need the freezer readings asap, the sensor is offline until Friday", Vague),
            ("a matter of urgency", "please chase the courier as a matter of urgency", Vague),

            // huddle-instead-of-thread: proposing a new meeting, other verbs and tools, and what is not a proposal.
            ("proposing a meeting", "could we arrange a meeting to go through the tender scoring?", [RuleIds.HuddleInsteadOfThread]),
            ("make a short call", "let's make a quick meeting about the shift swaps", [RuleIds.HuddleInsteadOfThread]),
            ("make a call decides", "we need to make a call on the vendor by Friday", None),
            ("a named tool", "hop on skype later to go over the menu costs?", [RuleIds.HuddleInsteadOfThread]),
            ("come to my office", "come see me about the timesheet errors", [RuleIds.HuddleInsteadOfThread]),
            ("someone else wants a call", "the auditor wants to set up a video call next week, which slots suit you?", None),
            ("a call from someone else", "new tenants get a phone call from the manager on move-in day", None),
            ("who do we call is no proposal", "the lift is stuck again, who do we call?", None),
            ("a named recurring meeting", "we do the packing huddle at 7 as usual", None),
            ("something leaking justifies a call", "can you ring me? the dishwasher is leaking all over the floor", None),
            ("a coffee roaster is no coffee chat", "can we do a video call with the coffee supplier about the price rise?", [RuleIds.HuddleInsteadOfThread]),

            // A request for time without the question mark; terms of address; "a quick word".
            ("time without a question mark", "yo, u got a min", Mc),
            ("time for me", "Hi! could you spare a few minutes for me?", Mc),
            ("time, no mark, a time word", "hey do you have some time today", Mc),
            ("time without a mark but with a topic", "do you have some time today for the grant report", None),
            ("a term of address", "howdy partner, you up?", Mc),
            ("a quick word", "good afternoon, any chance of a quick word?", Mc),
            ("a quick word about a topic is complete, like \"can we talk about X?\"", "any chance of a quick word about the rota?", None),
            ("other-language pleasantry", "Hallo Jonas, alles gut?", Mc),

            // "could you phone me" calls someone; "should" states an expectation, not a demand.
            ("you phone me", "could you phone me about the lease renewal", [RuleIds.HuddleInsteadOfThread]),
            ("an expectation with should", "payment approved, the funds should arrive right away", None),
        ];
        foreach (var (decision, text, rules) in cases)
        {
            yield return new TestCaseData(text, rules).SetName($"Decided (3rd pass): {decision}");
        }
    }

    [TestCaseSource(nameof(DirectMessages))]
    public void A_direct_message_raises_exactly_the_decided_rules(string text, string[] expected)
    {
        var findings = Engine.Evaluate(Message(text), Context());

        Assert.That(findings.Select(f => f.RuleId), Is.EquivalentTo(expected));
    }
}
