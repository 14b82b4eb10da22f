namespace AsyncCoach.Core.Taxonomy;

/// <summary>
/// Plain-text lines for a classification, for `/async classify` and the CLI; Block Kit is built
/// elsewhere from the same <see cref="Classification"/>.
/// </summary>
public static class ClassificationText
{
    public static IReadOnlyList<string> Render(Classification result)
    {
        var lines = new List<string>
        {
            result.Tier is { } tier
                ? $"Tier {tier} of 6: {result.Id}. Recommended mode: {result.Mode}."
                : "Unclear: I can't place this task on the ladder yet.",
        };
        if (result.Modifiers.Count > 0)
        {
            lines.Add($"Modifiers: {string.Join(", ", result.Modifiers)}.");
        }

        lines.Add($"Why: {string.Join("; ", result.Why)}.");
        lines.Add($"Next step: {result.NextStep}");
        return lines;
    }
}
