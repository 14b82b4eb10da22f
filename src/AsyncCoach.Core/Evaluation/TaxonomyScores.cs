using System.Globalization;
using System.Text;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// The classifier against labelled tasks: exact tier (unclear is a class of its own), recommended
/// mode, "unclear" recognised (recall of the unclear label) and, where labelled, the modifier sets.
/// </summary>
public sealed class TaxonomyScores
{
    private readonly List<string> _misses = [];

    public ConfusionMatrix Matrix { get; } = new();

    public int ModeCorrect { get; private set; }

    public int UnclearLabelled { get; private set; }

    public int UnclearRecognised { get; private set; }

    public int ModifiersLabelled { get; private set; }

    public int ModifiersCorrect { get; private set; }

    public double TierAccuracy => Matrix.Accuracy;

    public double ModeAccuracy => Matrix.Total == 0 ? 0 : (double)ModeCorrect / Matrix.Total;

    public double UnclearRecall => UnclearLabelled == 0 ? 1 : (double)UnclearRecognised / UnclearLabelled;

    public double ModifierAccuracy => ModifiersLabelled == 0 ? 1 : (double)ModifiersCorrect / ModifiersLabelled;

    /// <summary>Each task whose tier or modifiers were wrong, with the classifier's why.</summary>
    public IReadOnlyList<string> Misses => _misses;

    public static TaxonomyScores Evaluate(TaskClassifier classifier, IEnumerable<LabelledTask> tasks)
    {
        var scores = new TaxonomyScores();
        foreach (var task in tasks)
        {
            scores.Add(task, classifier.Classify(task.Task));
        }

        return scores;
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"exact tier {Matrix.Correct}/{Matrix.Total} = {TierAccuracy:0.000}; mode {ModeCorrect}/{Matrix.Total} = {ModeAccuracy:0.000}; unclear recognised {UnclearRecognised}/{UnclearLabelled} = {UnclearRecall:0.000}; modifier sets {ModifiersCorrect}/{ModifiersLabelled} = {ModifierAccuracy:0.000}");

    public string ToMarkdown() => new StringBuilder().AppendLine(Summary()).AppendLine().Append(Matrix.ToMarkdown()).ToString();

    private void Add(LabelledTask task, Classification result)
    {
        Matrix.Add(task.Id, result.Id);
        ModeCorrect += result.Mode == task.ExpectedMode ? 1 : 0;
        if (task.Id == TaxonomyIds.Unclear)
        {
            UnclearLabelled++;
            UnclearRecognised += result.IsUnclear ? 1 : 0;
        }

        var modifiersWrong = false;
        if (task.Modifiers is { } expected)
        {
            ModifiersLabelled++;
            modifiersWrong = !result.Modifiers.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal));
            ModifiersCorrect += modifiersWrong ? 0 : 1;
        }

        // A mode miss with the tier right is listed too (a modifier the label does not have, or lacks).
        if (result.Id != task.Id || modifiersWrong || result.Mode != task.ExpectedMode)
        {
            _misses.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"expected {task.Id,-8} [{string.Join(",", task.Modifiers ?? [])}] got {result.Id,-8} [{string.Join(",", result.Modifiers)}] {task.Task}  ({string.Join("; ", result.Why)})"));
        }
    }
}
