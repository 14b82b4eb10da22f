using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCoach.Core.Tests.Taxonomy;

/// <summary>One hand-labelled line of Fixtures/taxonomy-corpus.jsonl.</summary>
public sealed record CorpusCase(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("tier")] int? Tier,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("modifiers")] IReadOnlyList<string>? Modifiers)
{
    public override string ToString() => Task;
}

internal static class TaxonomyCorpus
{
    public static string Path { get; } = System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "taxonomy-corpus.jsonl");

    public static IReadOnlyList<CorpusCase> Load() =>
        [.. File.ReadLines(Path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<CorpusCase>(line) ?? throw new InvalidDataException($"Bad corpus line: {line}"))];
}
