using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>Phrases a team taught AsyncCoach to skip (TeamNorms.LearnedPhrases) silence only their rule, and only alone.</summary>
public sealed class LearnedPhrasesTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static TeamNorms Learned(string rule, params string[] phrases) => TeamNorms.Default with
    {
        LearnedPhrases = new Dictionary<string, IReadOnlySet<string>> { [rule] = new HashSet<string>(phrases) },
    };

    [Test]
    public void A_learned_phrase_no_longer_triggers_its_rule()
    {
        var findings = Engine.Evaluate(Message("can we do a quick sync on the schema?"), Context(norms: Learned(RuleIds.HuddleInsteadOfThread, "quick sync")));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void Another_phrase_in_the_same_message_still_triggers_it()
    {
        var findings = Engine.Evaluate(Message("need the numbers asap, need them right away"), Context(norms: Learned(RuleIds.VagueUrgency, "asap")));

        Assert.That(findings.Single().Evidence, Is.EquivalentTo(new[] { "asap", "right away" }));
    }

    [Test]
    public void A_phrase_learned_for_one_rule_does_not_silence_another()
    {
        var findings = Engine.Evaluate(Message("urgent!"), Context(norms: Learned(RuleIds.VagueUrgency, "urgent")));

        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { RuleIds.MissingContext }));
    }
}
