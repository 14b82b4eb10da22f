using System.Globalization;
using System.Text;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Evaluation;

/// <summary>Counts of (expected id, predicted id) over the corpus; unclear is a class of its own.</summary>
public sealed class ConfusionMatrix
{
    public static IReadOnlyList<string> Classes { get; } = [.. TaxonomyIds.Tiers, TaxonomyIds.Unclear];

    private readonly int[,] _counts = new int[Classes.Count, Classes.Count];

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public void Add(string expected, string predicted)
    {
        _counts[Index(expected), Index(predicted)]++;
        Total++;
        Correct += expected == predicted ? 1 : 0;
    }

    public int Count(string expected, string predicted) => _counts[Index(expected), Index(predicted)];

    /// <summary>A Markdown table: rows are the labels, columns the classifier's answers.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| label \\ predicted | {string.Join(" | ", Classes)} | recall |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| --- |{string.Concat(Enumerable.Repeat(" ---: |", Classes.Count + 1))}");
        foreach (var row in Classes)
        {
            var counts = Classes.Select(column => Count(row, column)).ToList();
            var rowTotal = counts.Sum();
            var recall = rowTotal == 0 ? "–" : ((double)Count(row, row) / rowTotal).ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row} | {string.Join(" | ", counts)} | {recall} |");
        }

        return text.ToString();
    }

    private static int Index(string id)
    {
        var index = Classes.ToList().IndexOf(id);
        return index >= 0 ? index : throw new ArgumentException($"Unknown class '{id}'.", nameof(id));
    }
}
