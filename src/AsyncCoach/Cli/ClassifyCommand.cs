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

    internal const string HelpText = """
        Usage:
          classify "<task>" [--format text|json]
          classify --file <path|-> [--format text|jsonl]

        Places a communication task on the async taxonomy ladder (inform, ask, review, decide,
        create, connect) and recommends a mode (async, blended, sync) and a next step.

        Options:
          --format text|json    one task: readable lines (default) or one JSON object
          --file <path>         one task per line; "-" reads standard input. Blank lines and
                                lines starting with "#" are skipped. Line numbers count every line.
          --format text|jsonl   with --file: a table grouped by recommended mode (default), or one
                                JSON object per task in input order, with "line" and "task" added
          -h, --help            show this help
          --                    everything after it is task text (for a task starting with "-")

        "Could be async" in the summary means the recommended mode is async.
        Exit codes: 0 done, 2 bad input.
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var (options, error) = ClassifyOptions.Parse(args);
        if (options is null)
        {
            return Fail(stderr, error!);
        }

        if (options.Help)
        {
            stdout.Write(HelpText.ReplaceLineEndings("\n"));
            stdout.Write('\n');
            return Ok;
        }

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

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.Write($"classify: {message.TrimEnd('.')}. Run classify --help for usage.\n");
        return BadInput;
    }
}
