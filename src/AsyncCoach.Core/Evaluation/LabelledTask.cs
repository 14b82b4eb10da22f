using System.Text.Json;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// A labelled task for scoring the classifier. One JSON object per line: <c>task</c>, the tier id in
/// <c>id</c> (or <c>id2</c>), optionally <c>modifiers</c> (then checked exactly) and <c>mode</c>
/// (else the mode follows from the tier and the labelled modifiers, as <see cref="ModeRules"/> computes it).
/// </summary>
public sealed record LabelledTask(string Task, string Id, IReadOnlyList<string>? Modifiers, string? Mode)
{
    /// <summary>The recommended mode the label implies: null for unclear.</summary>
    public string? ExpectedMode => Mode ?? (TaxonomyIds.TierOf(Id) is { } tier ? ModeRules.Compute(tier, Modifiers ?? []) : null);

    public static IReadOnlyList<LabelledTask> Load(string path) =>
        [.. File.ReadLines(path).Select((line, i) => (line, i)).Where(l => !string.IsNullOrWhiteSpace(l.line)).Select(l => Parse(l.line, $"{Path.GetFileName(path)}:{l.i + 1}"))];

    public static LabelledTask Parse(string line, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var task = root.GetProperty("task").GetString() ?? throw new FormatException("task is null");
            var id = (root.TryGetProperty("id2", out var id2) ? id2 : root.GetProperty("id")).GetString() ?? throw new FormatException("id is null");
            if (id != TaxonomyIds.Unclear && TaxonomyIds.TierOf(id) is null)
            {
                throw new FormatException($"unknown tier id '{id}'");
            }

            var modifiers = root.TryGetProperty("modifiers", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(e => e.GetString()!).ToList()
                : null;
            var mode = root.TryGetProperty("mode", out var md) && md.ValueKind == JsonValueKind.String ? md.GetString() : null;
            return new LabelledTask(task, id, modifiers, mode);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }
    }

    public override string ToString() => Task;
}
