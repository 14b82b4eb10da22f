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
    public const string CorpusFile = "taxonomy-corpus.jsonl";

    /// <summary>Written after the classifier and never used to tune it: an estimate on unseen wording.</summary>
    public const string HoldoutFile = "taxonomy-holdout.jsonl";

    /// <summary>Written after tuning on <see cref="HoldoutFile"/> stopped; never used to tune.</summary>
    public const string Holdout2File = "taxonomy-holdout-2.jsonl";

    /// <summary>Written after tuning on <see cref="Holdout2File"/> stopped; never used to tune.</summary>
    public const string Holdout3File = "taxonomy-holdout-3.jsonl";

    /// <summary>Written after the last tuning round; the classifier was frozen before its first run.</summary>
    public const string Holdout4File = "taxonomy-holdout-4.jsonl";

    public static IReadOnlyList<CorpusCase> Load(string file = CorpusFile) =>
        [.. File.ReadLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", file))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<CorpusCase>(line) ?? throw new InvalidDataException($"Bad corpus line: {line}"))];
}
