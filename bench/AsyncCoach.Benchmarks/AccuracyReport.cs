using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>accuracy &lt;folder|file&gt;… [--misses]</c>: scores the rules and the classifier on labelled sets
/// and prints a table per file. In a folder, <c>messages*.jsonl</c> and <c>rules*.jsonl</c> are
/// labelled messages (<see cref="LabelledConversation"/>), <c>tasks*.jsonl</c> and <c>taxonomy*.jsonl</c>
/// labelled tasks (<see cref="LabelledTask"/>); a file is read by the same name rule. The text of
/// a miss is printed only with <c>--misses</c>.
/// </summary>
public static class AccuracyReport
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var misses = args.Contains("--misses");
        var paths = args.Where(a => a != "--misses").ToList();
        if (paths.Count == 0)
        {
            error.WriteLine("accuracy: name a folder or a .jsonl file, e.g. accuracy tests/AsyncCoach.Core.Tests/Fixtures/devset");
            return 2;
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.jsonl").Where(f => Kind(f) is not null).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path) && Kind(path) is not null)
            {
                files.Add(path);
            }
            else
            {
                error.WriteLine($"accuracy: {path}: not a folder or a messages*/rules*/tasks*/taxonomy*.jsonl file");
                return 2;
            }
        }

        if (files.Count == 0)
        {
            error.WriteLine($"accuracy: no messages*/rules*/tasks*/taxonomy*.jsonl files in {string.Join(", ", paths)}");
            return 2;
        }

        var engine = RuleEngine.CreateDefault();
        var classifier = TaskClassifier.CreateDefault();
        foreach (var file in files)
        {
            try
            {
                output.WriteLine($"## {file}");
                if (Kind(file) == "messages")
                {
                    var scores = RuleScores.Evaluate(engine, LabelledConversation.Load(file));
                    output.WriteLine($"{scores.Messages} messages");
                    output.WriteLine(scores.ToMarkdown());
                    Print(output, misses, scores.Misses);
                }
                else
                {
                    var scores = TaxonomyScores.Evaluate(classifier, LabelledTask.Load(file));
                    output.WriteLine(scores.ToMarkdown());
                    Print(output, misses, scores.Misses);
                }
            }
            catch (InvalidDataException e)
            {
                error.WriteLine($"accuracy: {e.Message}");
                return 2;
            }
        }

        return 0;
    }

    private static void Print(TextWriter output, bool misses, IReadOnlyList<string> lines)
    {
        if (!misses)
        {
            return;
        }

        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
    }

    private static string? Kind(string file) => Path.GetFileName(file) switch
    {
        var n when n.EndsWith(".jsonl", StringComparison.Ordinal) && (n.StartsWith("messages", StringComparison.Ordinal) || n.StartsWith("rules", StringComparison.Ordinal)) => "messages",
        var n when n.EndsWith(".jsonl", StringComparison.Ordinal) && (n.StartsWith("tasks", StringComparison.Ordinal) || n.StartsWith("taxonomy", StringComparison.Ordinal)) => "tasks",
        _ => null,
    };
}
