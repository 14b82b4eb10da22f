using System.Globalization;
using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>
/// Quality gate over the hand-labelled corpus. Run with
/// <c>dotnet test tests/AsyncCoach.Core.Tests --filter FullyQualifiedName~TaxonomyCorpus --logger "console;verbosity=detailed"</c>
/// to print the confusion matrix and every miss (docs/taxonomy.md pastes that output).
/// </summary>
public sealed class TaxonomyCorpusTests
{
    private const double MinTierAccuracy = 0.85;
    private const double MinModifierAccuracy = 0.85;

    // Lower than the corpus gate on purpose: the holdout measures unseen wording, see docs/taxonomy.md.
    private const double MinHoldoutAccuracy = 0.60;

    private static readonly TaskClassifier Classifier = TaskClassifier.CreateDefault();

    [Test]
    public void Corpus_covers_every_tier_every_modifier_and_unclear_text()
    {
        var corpus = TaxonomyCorpus.Load();

        Assert.That(corpus, Has.Count.GreaterThanOrEqualTo(200));
        Assert.That(corpus.Select(c => c.Id).Distinct(), Is.EquivalentTo(ConfusionMatrix.Classes));
        Assert.That(corpus.Where(c => c.Modifiers is not null).SelectMany(c => c.Modifiers!).Distinct(), Is.EquivalentTo(TaxonomyIds.AllModifiers));
        Assert.That(corpus.All(c => c.Tier == TaxonomyIds.TierOf(c.Id)), "every label's tier matches its id");
        Assert.That(corpus.Select(c => c.Task).Distinct(StringComparer.OrdinalIgnoreCase).Count(), Is.EqualTo(corpus.Count), "no duplicate tasks");
    }

    [Test]
    public void Tier_accuracy_on_the_corpus_is_at_least_85_percent()
    {
        var matrix = Evaluate(TaxonomyCorpus.CorpusFile);

        Assert.That(matrix.Accuracy, Is.GreaterThanOrEqualTo(MinTierAccuracy));
    }

    [TestCase(TaxonomyCorpus.HoldoutFile)]
    [TestCase(TaxonomyCorpus.Holdout2File)]
    [TestCase(TaxonomyCorpus.Holdout3File)]
    [TestCase(TaxonomyCorpus.Holdout4File)]
    public void Tier_accuracy_on_a_holdout_set_is_reported(string file)
    {
        var matrix = Evaluate(file);

        Assert.That(matrix.Total, Is.GreaterThanOrEqualTo(50));
        Assert.That(matrix.Accuracy, Is.GreaterThanOrEqualTo(MinHoldoutAccuracy));
    }

    private static ConfusionMatrix Evaluate(string file)
    {
        var matrix = new ConfusionMatrix();
        var misses = new List<string>();
        foreach (var item in TaxonomyCorpus.Load(file))
        {
            var result = Classifier.Classify(item.Task);
            matrix.Add(item.Id, result.Id);
            if (result.Id != item.Id)
            {
                misses.Add($"  expected {item.Id,-8} got {result.Id,-8} {item.Task}  [{string.Join("; ", result.Why)}]");
            }
        }

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: exact-tier accuracy {matrix.Correct}/{matrix.Total} = {matrix.Accuracy:0.000}"));
        TestContext.Out.WriteLine(matrix.ToMarkdown());
        TestContext.Out.WriteLine("Misses:");
        misses.ForEach(TestContext.Out.WriteLine);
        return matrix;
    }

    [TestCase(TaxonomyCorpus.CorpusFile, 60)]
    [TestCase(TaxonomyCorpus.Holdout3File, 8)]
    [TestCase(TaxonomyCorpus.Holdout4File, 8)]
    public void Modifiers_match_the_labels_where_the_set_gives_them(string file, int minLabelled)
    {
        var labelled = TaxonomyCorpus.Load(file).Where(c => c.Modifiers is not null).ToList();
        var misses = new List<string>();
        foreach (var item in labelled)
        {
            var result = Classifier.Classify(item.Task);
            if (!result.Modifiers.Order(StringComparer.Ordinal).SequenceEqual(item.Modifiers!.Order(StringComparer.Ordinal)))
            {
                misses.Add($"  expected [{string.Join(",", item.Modifiers!)}] got [{string.Join(",", result.Modifiers)}] {item.Task}");
            }
        }

        var accuracy = 1 - ((double)misses.Count / labelled.Count);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: modifier sets exactly right {labelled.Count - misses.Count}/{labelled.Count} = {accuracy:0.000}"));
        misses.ForEach(TestContext.Out.WriteLine);

        Assert.That(labelled, Has.Count.GreaterThanOrEqualTo(minLabelled));
        Assert.That(accuracy, Is.GreaterThanOrEqualTo(MinModifierAccuracy));
    }
}
