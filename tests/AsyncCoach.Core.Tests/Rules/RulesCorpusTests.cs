using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>Precision and recall of every rule over the labelled corpus, through the tracker as production uses it.</summary>
public sealed class RulesCorpusTests
{
    private const double Threshold = 0.95;
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Test]
    public void The_corpus_has_at_least_300_messages_and_positives_for_every_rule()
    {
        var messages = RulesCorpus.LoadAll().SelectMany(c => c.Messages).ToList();

        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(300));
        foreach (var rule in RuleIds.All)
        {
            Assert.That(messages.Count(m => m.Expected.Contains(rule)), Is.GreaterThanOrEqualTo(10), rule);
        }
    }

    [Test]
    public void Every_rule_reaches_95_percent_precision_and_recall_on_the_corpus()
    {
        var scores = RuleScores.Evaluate(Engine, RulesCorpus.LoadAll());

        TestContext.Out.WriteLine(scores.ToMarkdown());
        foreach (var miss in scores.Misses)
        {
            TestContext.Out.WriteLine(miss);
        }

        Assert.Multiple(() =>
        {
            foreach (var rule in RuleIds.All)
            {
                Assert.That(scores.Precision(rule), Is.GreaterThanOrEqualTo(Threshold), $"{rule} precision");
                Assert.That(scores.Recall(rule), Is.GreaterThanOrEqualTo(Threshold), $"{rule} recall");
            }
        });
    }
}
