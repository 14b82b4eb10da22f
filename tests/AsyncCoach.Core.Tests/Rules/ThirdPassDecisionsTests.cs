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
