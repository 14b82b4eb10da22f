using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Cli;

/// <summary>One line of `classify --file … --format jsonl`: the classification plus where it came from.</summary>
internal sealed record ClassifiedLineJson(
    int Line,
    string Task,
    int? Tier,
    string Id,
    string? Mode,
    IReadOnlyList<string> Modifiers,
    double Confidence,
    IReadOnlyList<string> Why,
    string NextStep)
{
    public static ClassifiedLineJson From(int line, string task, Classification c) =>
        new(line, task, c.Tier, c.Id, c.Mode, c.Modifiers, c.Confidence, c.Why, c.NextStep);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Classification))]
[JsonSerializable(typeof(ClassifiedLineJson))]
internal sealed partial class ClassifyJsonContext : JsonSerializerContext
{
    // Terminal output, not HTML: keep "→" and quotes readable instead of \u2192.
    public static ClassifyJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
