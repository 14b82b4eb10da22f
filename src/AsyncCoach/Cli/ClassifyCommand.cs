using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AsyncCoach.Core.Taxonomy;

namespace AsyncCoach.Cli;

/// <summary>
/// `classify`: places one task, or every line of a file of recurring meetings, on the taxonomy ladder.
/// Exit codes: 0 done, 2 bad input (one line on stderr).
/// </summary>
public static class ClassifyCommand
{
    public const int Ok = 0;
    public const int BadInput = 2;

    private static readonly Argument<string[]> TaskWords = new("task")
    {
        Description = "The task, in words (quotes optional). After \"--\" everything is task text, for a task starting with \"-\".",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> FormatOption = new("--format")
    {
        Description = "One task: text (readable lines, the default) or json (one JSON object). " +
            "With --file: text (a table grouped by recommended mode, the default) or jsonl (one JSON object per task in input order, with \"line\" and \"task\" added).",
        HelpName = "text|json|jsonl",
    };

    private static readonly Option<string?> FileOption = new("--file")
    {
        Description = "One task per line; \"-\" reads standard input. Blank lines and lines starting with \"#\" are skipped. Line numbers count every line.",
        HelpName = "path|-",
    };

    /// <summary>The verb; <paramref name="stdin"/> is read for <c>--file -</c>.</summary>
    public static Command Create(TextReader stdin)
    {
        var command = new Command("classify", """
            Places a communication task on the async taxonomy ladder (inform, ask, review, decide,
            create, connect) and recommends a mode (async, blended, sync) and a next step:
              classify "<task>" [--format text|json]
              classify --file <path|-> [--format text|jsonl]
            "Could be async" in the summary means the recommended mode is async.
            Exit codes: 0 done, 2 bad input.
            """)
        {
            TaskWords, FormatOption, FileOption,
        };
        CliInvocation.RejectUnknownOptions(TaskWords);
        command.SetAction(result => Run(result, stdin));
        return command;
    }

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        CliInvocation.Invoke(Create(stdin), args, stdout, stderr);

    private static int Run(ParseResult parsed, TextReader stdin)
    {
        var (stdout, stderr) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
        var words = parsed.GetValue(TaskWords) ?? [];
        var (file, format) = (parsed.GetValue(FileOption), parsed.GetValue(FormatOption));
        var text = words.Length == 0 ? null : string.Join(' ', words).Trim();
        var error = (file, text, format) switch
        {
            (null, null or "", _) => "missing task text: classify \"<task>\" or classify --file <path>",
            (not null, not (null or ""), _) => "give either a task or --file, not both",
            (null, _, "jsonl") => "--format jsonl needs --file; use --format json for one task",
            (null, _, not (null or "text" or "json")) => $"unknown format '{format}' (use text or json)",
            (not null, _, not (null or "text" or "jsonl")) => $"unknown format '{format}' for --file (use text or jsonl)",
            _ => null,
        };
        if (error is not null)
        {
            return Fail(stderr, error);
        }

        var options = new ClassifyOptions(text, file, format ?? "text");
        var classifier = TaskClassifier.CreateDefault();
        if (options.File is null)
        {
            var result = classifier.Classify(options.Task!);
            if (options.Format == "json")
            {
                stdout.Write(JsonSerializer.Serialize(result, ClassifyJsonContext.Readable.Classification));
                stdout.Write('\n');
            }
            else
            {
                foreach (var line in ClassificationText.Render(result))
                {
                    stdout.Write(line);
                    stdout.Write('\n');
                }

                stdout.Write(string.Create(CultureInfo.InvariantCulture, $"Confidence: {result.Confidence:0.00}\n"));
            }

            return Ok;
        }

        var (tasks, readError) = ReadTasks(options.File, stdin);
        if (tasks is null)
        {
            return Fail(stderr, readError!);
        }

        var results = tasks.Select(t => (t.Line, t.Task, Result: classifier.Classify(t.Task))).ToList();
        if (options.Format == "jsonl")
        {
            foreach (var (line, task, result) in results)
            {
                stdout.Write(JsonSerializer.Serialize(ClassifiedLineJson.From(line, task, result), ClassifyJsonContext.Readable.ClassifiedLineJson));
                stdout.Write('\n');
            }
        }
        else
        {
            stdout.Write(MeetingReport.Render(results));
        }

        return Ok;
    }

    private static (IReadOnlyList<(int Line, string Task)>? Tasks, string? Error) ReadTasks(string file, TextReader stdin)
    {
        string text;
        try
        {
            text = file == "-" ? stdin.ReadToEnd() : File.ReadAllText(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, $"file not found: {file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, $"cannot read {file}: {e.Message}");
        }

        var tasks = text.ReplaceLineEndings("\n").Split('\n')
            .Select((line, index) => (Line: index + 1, Task: line.Trim()))
            .Where(t => t.Task.Length > 0 && !t.Task.StartsWith('#'))
            .ToList();
        var name = file == "-" ? "standard input" : file;
        return tasks.Count == 0 ? (null, $"{name} has no tasks (blank lines and # comments are skipped).") : (tasks, null);
    }

    private static int Fail(TextWriter stderr, string message) => CliInvocation.UsageError("classify", message, stderr);

    private sealed record ClassifyOptions(string? Task, string? File, string Format);
}
