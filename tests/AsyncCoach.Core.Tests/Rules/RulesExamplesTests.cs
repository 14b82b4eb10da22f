using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>The examples RULES.md itself gives, each judged by the engine on its own (no history).</summary>
public sealed class RulesExamplesTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static IEnumerable<TestCaseData> Examples()
    {
        string[] none = [];
        string[] mc = [RuleIds.MissingContext];
        string[] huddle = [RuleIds.HuddleInsteadOfThread];
        string[] vague = [RuleIds.VagueUrgency];
        (string Text, string[] Rules)[] cases =
        [
            ("hi", mc), ("hey", mc), ("hiii", mc), ("heyyy :wave:", mc), ("well", none), ("all good, thanks", none), ("hello there", mc), ("good morning!", mc), ("yo", mc),
            ("got a minute?", mc), ("you around?", mc), ("are you there?", mc), ("ping", mc),
            ("can I ask you something?", mc), ("do you have a sec?", mc), ("can we talk?", mc),
            ("quick question", mc), ("hey, quick question", mc), ("urgent!", [RuleIds.MissingContext, RuleIds.VagueUrgency]),
            ("need you asap", [RuleIds.MissingContext, RuleIds.VagueUrgency]),
            ("hi! can you review PR 42 by Friday?", none), ("quick question: what's the staging URL?", none),
            ("thanks!", none), ("thank you so much, that fixed it", none), ("welcome to the team!", none),
            ("hi, what do you need?", none),
            ("huddle?", [RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread]),
            ("can we hop on a call about the migration plan?", huddle), ("quick huddle about the flaky test?", huddle),
            ("jump on zoom to go over the numbers?", huddle), ("let me call you about the invoice format", huddle),
            ("this is easier to discuss live, the schema has too many options", huddle),
            ("let's sync on this real quick, the API shape is unclear", huddle),
            ("no need for a call, I'll write it up in the doc", none),
            ("can we hop on a call? I think there's some tension in the team about the rewrite", none),
            ("production is down, jump on zoom now", none),
            ("reminder: the 3pm call is moved to 4pm tomorrow", none),
            ("need the report asap", vague), ("this is urgent, please look at the deploy failure", vague),
            ("URGENT: need this asap", vague), ("need the report asap, by 15:00 today", none),
            ("please fix this by Thursday, it's urgent", none), ("not urgent, whenever you get to it: the logo is off by a pixel", none),
            ("the app crashes immediately on launch after the update", none),
            ("need this asap, before the 3pm release", none), ("can you take a look asap, in the next hour if possible", none),
            ("urgent: the demo is in 30 minutes and the login fails", none),
        ];
        foreach (var (text, rules) in cases)
        {
            yield return new TestCaseData(text, rules).SetName($"Judges \"{text}\" as [{string.Join(", ", rules)}]");
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Raises_exactly_the_expected_rules(string text, string[] expected)
    {
        var findings = Engine.Evaluate(Message(text), Context());

        Assert.That(findings.Select(f => f.RuleId), Is.EquivalentTo(expected));
    }

    [Test]
    public void A_finding_never_carries_the_message_text()
    {
        var findings = Engine.Evaluate(Message("hey, need the quarterly numbers asap"), Context());

        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings.SelectMany(f => f.Evidence.Append(f.Suggestion)), Has.None.Contains("quarterly"));
    }

    [Test]
    public void Nothing_fires_in_an_exempt_channel()
    {
        var norms = AsyncCoach.Core.Norms.TeamNorms.Default with { ExemptChannels = new HashSet<string>(["C9"]) };
        var findings = Engine.Evaluate(
            Message("<!channel> urgent! hop on a call", ConversationKind.Channel, channel: "C9"),
            Context(ConversationKind.Channel, "C9", memberCount: 200, norms: norms));

        Assert.That(findings, Is.Empty);
    }
}
