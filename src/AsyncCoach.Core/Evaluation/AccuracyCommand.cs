using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// <c>accuracy &lt;folder|file&gt;… [--split dev|test|all] [--misses] [--no-model]</c>: scores the rules and the
/// classifier on labelled sets and prints a table per file. In a folder, <c>messages*.jsonl</c> and
/// <c>rules*.jsonl</c> are labelled messages (<see cref="LabelledConversation"/>), <c>tasks*.jsonl</c> and
/// <c>taxonomy*.jsonl</c> labelled tasks (<see cref="LabelledTask"/>); <c>--split dev</c> keeps the files
/// named <c>*.dev.jsonl</c> (and <c>test</c> the <c>*.test.jsonl</c>). The text of a miss is printed only
/// with <c>--misses</c>; <c>--no-model</c> scores missing-context without <see cref="NakedModel"/> and huddle-instead-of-thread without <see cref="HuddleModel"/> (the grammars alone). Bad input (a missing path, an unknown option or split, a malformed line)
/// prints one line on the error writer naming the file, line and field, and returns 2.
/// </summary>
public static class AccuracyCommand
{
    public const string Usage = "accuracy <folder|file.jsonl>… [--split dev|test|all] [--misses] [--no-model]";

    private static readonly string[] Splits = ["dev", "test", "all"];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var misses = false;
        var noModel = false;
        var split = "all";
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--misses":
                    misses = true;
                    break;
                case "--no-model":
                    noModel = true; // missing-context by the grammars alone, to see what the model adds
                    break;
                case "--split" when i + 1 < args.Count:
                    split = args[++i];
                    if (!Splits.Contains(split, StringComparer.Ordinal))
                    {
                        return Fail(error, $"unknown split '{split}': use --split dev, test or all");
                    }

                    break;
                case "--split":
                    return Fail(error, "--split needs a value: dev, test or all");
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail(error, $"unknown option '{option}'; usage: {Usage}");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            return Fail(error, $"name a folder or a .jsonl file; usage: {Usage}");
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.jsonl").Where(f => Kind(f) is not null && InSplit(f, split)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path) && Kind(path) is not null)
            {
                if (!InSplit(path, split))
                {
                    return Fail(error, $"{path}: not a file of the {split} split (*.{split}.jsonl)");
                }

                files.Add(path);
            }
            else if (File.Exists(path))
            {
                return Fail(error, $"{path}: not a messages*/rules*/tasks*/taxonomy*.jsonl file");
            }
            else
            {
                return Fail(error, $"{path}: no such file or folder");
            }
        }

        if (files.Count == 0)
        {
            return Fail(error, $"no messages*/rules*/tasks*/taxonomy*.jsonl files{(split == "all" ? "" : $" of the {split} split")} in {string.Join(", ", paths)}");
        }

        // Parse everything before printing anything, so a bad line fails the run with no half table.
        var sets = new List<(string File, IReadOnlyList<LabelledConversation>? Messages, IReadOnlyList<LabelledTask>? Tasks)>();
        foreach (var file in files)
        {
            try
            {
                var set = Kind(file) == "messages" ? (file, LabelledConversation.Load(file), null) : (file, (IReadOnlyList<LabelledConversation>?)null, LabelledTask.Load(file));
                if ((set.Item2?.Count ?? set.Item3!.Count) == 0)
                {
                    return Fail(error, $"{file}: no labelled lines");
                }

                sets.Add(set);
            }
            catch (InvalidDataException e)
            {
                return Fail(error, Path.Combine(Path.GetDirectoryName(file) ?? "", e.Message)); // "folder/messages.dev.jsonl:12: missing field "x""
            }
            catch (IOException e)
            {
                return Fail(error, $"{file}: cannot be read ({e.Message})");
            }
            catch (UnauthorizedAccessException)
            {
                return Fail(error, $"{file}: cannot be read (permission denied)");
            }
        }

        var engine = noModel ? new RuleEngine(PhraseBook.Default, RuleEngine.DefaultRules(null, null)) : RuleEngine.CreateDefault();
        var classifier = TaskClassifier.CreateDefault();
        foreach (var (file, messages, tasks) in sets)
        {
            output.WriteLine($"## {file}");
            if (messages is not null)
            {
                var scores = RuleScores.Evaluate(engine, messages);
                output.WriteLine($"{scores.Messages} messages");
                output.WriteLine(scores.ToMarkdown());
                Print(output, misses, scores.Misses);
            }
            else
            {
                var scores = TaxonomyScores.Evaluate(classifier, tasks!);
                output.WriteLine(scores.ToMarkdown());
                Print(output, misses, scores.Misses);
            }
        }

        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"accuracy: {message}");
        return 2;
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

    private static bool InSplit(string file, string split) =>
        split == "all" || Path.GetFileName(file).EndsWith($".{split}.jsonl", StringComparison.Ordinal);

    private static string? Kind(string file) => Path.GetFileName(file) switch
    {
        var n when n.EndsWith(".jsonl", StringComparison.Ordinal) && (n.StartsWith("messages", StringComparison.Ordinal) || n.StartsWith("rules", StringComparison.Ordinal)) => "messages",
        var n when n.EndsWith(".jsonl", StringComparison.Ordinal) && (n.StartsWith("tasks", StringComparison.Ordinal) || n.StartsWith("taxonomy", StringComparison.Ordinal)) => "tasks",
        _ => null,
    };
}
