using AsyncCoach.Core.Evaluation;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// The labelled corpus in Fixtures/rules-corpus/*.jsonl, in the format <see cref="LabelledConversation"/>
/// reads (the bench's <c>accuracy</c> verb reads the same format).
/// </summary>
internal static class RulesCorpus
{
    public static IReadOnlyList<LabelledConversation> LoadAll() => LoadFolder(Path.Combine("Fixtures", "rules-corpus"));

    /// <summary>Every <c>*.jsonl</c> file of a folder under the test directory, in file-name order.</summary>
    public static IReadOnlyList<LabelledConversation> LoadFolder(string folder, string pattern = "*.jsonl") =>
        [.. Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, folder), pattern).Order(StringComparer.Ordinal).SelectMany(LabelledConversation.Load)];
}
