using System.Globalization;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>Precision and recall of every rule over the labelled corpus, through the tracker as production uses it.</summary>
public sealed class RulesCorpusTests
{
    private const double Threshold = 0.95;
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Test]
    public void The_corpus_has_at_least_300_messages_and_positives_for_every_rule()
    {
        var messages = CorpusCase.LoadAll().SelectMany(c => c.Messages).ToList();

        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(300));
        foreach (var rule in RuleIds.All)
        {
            Assert.That(messages.Count(m => m.Expected.Contains(rule)), Is.GreaterThanOrEqualTo(10), rule);
        }
    }

    [Test]
    public void Every_rule_reaches_95_percent_precision_and_recall_on_the_corpus()
    {
        var counts = RuleIds.All.ToDictionary(r => r, _ => (Tp: 0, Fp: 0, Fn: 0));
        var misses = new List<string>();
        foreach (var corpusCase in CorpusCase.LoadAll())
        {
            var tracker = new ConversationTracker(Engine);
            var findings = corpusCase.Messages.SelectMany(m => tracker.Observe(m.Message, corpusCase.Context)).ToList();
            findings.AddRange(tracker.Flush());
            for (var i = 0; i < corpusCase.Messages.Count; i++)
            {
                var message = corpusCase.Messages[i];
                var actual = findings.Where(f => f.Ts == message.Message.Ts && f.Channel == message.Message.Channel).Select(f => f.RuleId).ToHashSet();
                foreach (var rule in RuleIds.All)
                {
                    var (expected, got) = (message.Expected.Contains(rule), actual.Contains(rule));
                    var c = counts[rule];
                    counts[rule] = (c.Tp + (expected && got ? 1 : 0), c.Fp + (!expected && got ? 1 : 0), c.Fn + (expected && !got ? 1 : 0));
                    if (expected != got)
                    {
                        misses.Add($"{corpusCase.Id}#{i}: {rule} expected {expected}, got {got}");
                    }
                }
            }
        }

        TestContext.Out.WriteLine("| rule | TP | FP | FN | precision | recall |");
        TestContext.Out.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (rule, (tp, fp, fn)) in counts)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rule} | {tp} | {fp} | {fn} | {Precision(tp, fp):0.000} | {Recall(tp, fn):0.000} |"));
        }

        misses.ForEach(TestContext.Out.WriteLine);
        Assert.Multiple(() =>
        {
            foreach (var (rule, (tp, fp, fn)) in counts)
            {
                Assert.That(Precision(tp, fp), Is.GreaterThanOrEqualTo(Threshold), $"{rule} precision");
                Assert.That(Recall(tp, fn), Is.GreaterThanOrEqualTo(Threshold), $"{rule} recall");
            }
        });
    }

    private static double Precision(int tp, int fp) => tp + fp == 0 ? 1 : (double)tp / (tp + fp);

    private static double Recall(int tp, int fn) => tp + fn == 0 ? 1 : (double)tp / (tp + fn);
}
