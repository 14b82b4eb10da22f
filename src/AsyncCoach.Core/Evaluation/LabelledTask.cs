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
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a line must be a JSON object");
            }

            var task = root.TryGetProperty("task", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : throw new FormatException(t.ValueKind == JsonValueKind.Undefined ? "missing field \"task\"" : "field \"task\" must be a string");
            var idElement = root.TryGetProperty("id2", out var id2) ? id2 : root.TryGetProperty("id", out var id1) ? id1 : default;
            var id = idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()!
                : throw new FormatException(idElement.ValueKind == JsonValueKind.Undefined ? "missing field \"id\" (or \"id2\"): the tier id" : "field \"id\" must be a string");
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
