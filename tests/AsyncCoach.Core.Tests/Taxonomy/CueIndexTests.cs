using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// The classifier's cue index (docs/taxonomy.md, cost): a task scans only the cues whose required words
/// and stems it holds, and the index never changes what the matcher finds.
/// </summary>
public sealed class CueIndexTests
{
    private static readonly HashSet<string> NoNames = new(StringComparer.Ordinal);

    [Test]
    public void The_index_changes_no_cue_on_any_task_set_and_most_cues_are_not_scanned()
    {
        var classifier = TaskClassifier.CreateDefault();
        var fixtures = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");
        var files = Directory.EnumerateFiles(fixtures, "taxonomy-*.jsonl")
            .Concat(Directory.EnumerateFiles(fixtures, "tasks.*.jsonl", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).ToList();
        var tasks = files.SelectMany(f => File.ReadLines(f).Where(l => !string.IsNullOrWhiteSpace(l)))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("task").GetString() ?? string.Empty).ToList();
        var differences = new List<string>();
        long scanned = 0, all = 0;

        foreach (var task in tasks)
        {
            var tokens = classifier.Tokens(task);
            foreach (var matcher in classifier.Matchers)
            {
                var gated = matcher.Match(tokens, gated: true, out var gatedScans);
                var ungated = matcher.Match(tokens, gated: false, out var ungatedScans);
                scanned += gatedScans;
                all += ungatedScans;
                if (!gated.SequenceEqual(ungated))
                {
                    differences.Add(task);
                }
            }
        }

        TestContext.Out.WriteLine($"{tasks.Count} tasks from {files.Count} files: {scanned} cue scans with the index, {all} without ({(double)scanned / tasks.Count:F1} against {(double)all / tasks.Count:F0} a task)");
        Assert.Multiple(() =>
        {
            Assert.That(tasks, Has.Count.GreaterThan(3000), "every dev, test and corpus task set is read");
            Assert.That(differences, Is.Empty);
            Assert.That(scanned, Is.LessThan(all / 20), "a task scans only the cues its words can match");
        });
    }

    [Test]
    public void A_cue_with_only_a_stem_is_scanned_only_for_a_task_with_a_word_of_that_stem()
    {
        var matcher = new CueMatcher(
            [
                new CueData("inform", 4, ["julkaise*"]),
                new CueData("decide", 3, AllOf: [["approve", "sign off"], ["budget"]]),
                new CueData("review", 2, ["review"]),
            ],
            NoNames);

        Assert.Multiple(() =>
        {
            Assert.That(Scans(matcher, "julkaise raportti huomenna"), Is.EqualTo(1));
            Assert.That(Hits(matcher, "julkaise raportti huomenna"), Is.EqualTo(new[] { "inform \"julkaise\"" }));
            Assert.That(Scans(matcher, "Julkaisemme raportin"), Is.EqualTo(1), "a longer word of the stem");
            Assert.That(Scans(matcher, "the julkaisu list"), Is.Zero, "another stem ('julkaisu' does not start with 'julkaise')");
            Assert.That(Scans(matcher, "sign off the budget"), Is.EqualTo(1));
            Assert.That(Hits(matcher, "sign off the budget"), Is.EqualTo(new[] { "decide \"sign off\" + \"budget\"" }));
            Assert.That(Scans(matcher, "sign off the plan"), Is.Zero, "a combination needs a phrase from every group");
            Assert.That(Scans(matcher, "off the budget"), Is.Zero, "'sign off' needs both its words");
        });
    }

    [Test]
    public void A_cue_whose_phrase_needs_no_word_is_scanned_for_every_task()
    {
        var matcher = new CueMatcher([new CueData("ask", 1, ["ask {name}"]), new CueData("inform", 1, ["_ {name}"])], NoNames);

        Assert.Multiple(() =>
        {
            Assert.That(Scans(matcher, "ping the team"), Is.EqualTo(1), "'_ {name}' may match any task");
            Assert.That(Hits(matcher, "ping Sam"), Is.EqualTo(new[] { "inform \"ping Sam\"" }));
            Assert.That(Scans(matcher, "ask Sam"), Is.EqualTo(2));
        });
    }

    private static int Scans(CueMatcher matcher, string task)
    {
        matcher.Match(Tokenizer.Tokenize(task), gated: true, out var scanned);
        return scanned;
    }

    private static IEnumerable<string> Hits(CueMatcher matcher, string task) =>
        matcher.Match(Tokenizer.Tokenize(task)).Select(h => $"{h.Target} {h.Evidence}");
}
