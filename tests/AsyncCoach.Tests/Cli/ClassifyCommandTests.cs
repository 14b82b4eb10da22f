using System.Text.Json;
using AsyncCoach.Cli;

namespace AsyncCoach.Tests.Cli;

public sealed class ClassifyCommandTests
{
    private readonly List<string> _tempFiles = [];

    [TearDown]
    public void DeleteTempFiles() => _tempFiles.ForEach(File.Delete);

    [Test]
    public void Classifies_one_task_as_text()
    {
        var run = Run(["Review Lena's PR for the caching layer"]);

        Assert.That(run.Exit, Is.EqualTo(0));
        Assert.That(run.Err, Is.Empty);
        Assert.That(run.OutLines[0], Is.EqualTo("Tier 3 of 6: review. Recommended mode: async."));
        Assert.That(run.Out, Does.Contain("Why: \"Review\" + \"PR\" → review."));
        Assert.That(run.Out, Does.Contain("Next step: "));
        Assert.That(run.OutLines[^1], Does.Match(@"^Confidence: 0\.\d\d$"));
    }

    [Test]
    public void Words_without_quotes_are_joined_into_one_task() =>
        Assert.That(Run(["Pick", "a", "vendor", "for", "the", "CRM"]).Out, Does.StartWith("Tier 4 of 6: decide."));

    [Test]
    public void A_double_dash_lets_a_task_start_with_a_dash()
    {
        var run = Run(["--", "-1 on the proposal: decide whether we ship it"]);

        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.StartWith("Tier 4 of 6: decide."));
    }

    [Test]
    public void Classifies_one_task_as_json_with_snake_case_fields()
    {
        var run = Run(["Decide today by 3pm whether we pull the release", "--format", "json"]);

        Assert.That(run.Exit, Is.EqualTo(0));
        Assert.That(run.OutLines, Has.Length.EqualTo(1));
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "tier", "id", "mode", "modifiers", "confidence", "why", "next_step" }));
        Assert.That(root.GetProperty("tier").GetInt32(), Is.EqualTo(4));
        Assert.That(root.GetProperty("id").GetString(), Is.EqualTo("decide"));
        Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("sync"));
        Assert.That(root.GetProperty("modifiers").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "time-critical" }));
        Assert.That(root.GetProperty("confidence").GetDouble(), Is.InRange(0.01, 1.0));
        Assert.That(root.GetProperty("why").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(run.Out, Does.Contain("→"), "arrows stay readable, not \\u2192");
    }

    [Test]
    public void A_task_with_no_cue_is_unclear_in_json_with_null_tier_and_mode()
    {
        var run = Run(["--format=json", "Kickoff"]);

        Assert.That(run.Exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("tier").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("id").GetString(), Is.EqualTo("unclear"));
        Assert.That(root.GetProperty("mode").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("confidence").GetDouble(), Is.Zero);
        Assert.That(root.GetProperty("next_step").GetString(), Does.Contain("outcome"));
    }

    [Test]
    public void A_file_becomes_a_table_grouped_by_mode_with_a_summary()
    {
        var path = TempFile(
            "# our recurring meetings",
            "Daily standup",
            "",
            "Sprint planning",
            "Weekly 1:1 with my manager",
            "Kickoff",
            "Share the release notes");

        var run = Run(["--file", path]);

        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        var lines = run.OutLines;
        Assert.That(lines, Does.Contain("ASYNC (2)").And.Contain("BLENDED (1)").And.Contain("SYNC (1)").And.Contain("UNCLEAR (1)"));
        Assert.That(Array.IndexOf(lines, "ASYNC (2)"), Is.LessThan(Array.IndexOf(lines, "BLENDED (1)")));
        Assert.That(Array.IndexOf(lines, "BLENDED (1)"), Is.LessThan(Array.IndexOf(lines, "SYNC (1)")));
        var standup = lines.Single(l => l.EndsWith("Daily standup", StringComparison.Ordinal));
        Assert.That(standup, Does.Match(@"^\s+2\s+1 inform\s+-\s+Daily standup$"), "line numbers count the comment and blank lines");
        Assert.That(lines.Single(l => l.EndsWith("Sprint planning", StringComparison.Ordinal)), Does.Contain("4 decide"));
        Assert.That(lines, Has.None.Contains("our recurring meetings"));
        Assert.That(lines[^1], Is.EqualTo("2 of 5 recurring meetings could be async (recommended mode async); 1 blended, 1 sync, 1 unclear."));
    }

    [Test]
    public void A_file_as_jsonl_keeps_input_order_and_adds_line_and_task()
    {
        var path = TempFile("Sprint planning", "# skip me", "Daily standup", "   ", "Kickoff");

        var run = Run(["--file", path, "--format", "jsonl"]);

        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        var objects = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(objects.Select(o => o.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 1, 3, 5 }));
        Assert.That(objects.Select(o => o.GetProperty("task").GetString()), Is.EqualTo(new[] { "Sprint planning", "Daily standup", "Kickoff" }));
        Assert.That(objects.Select(o => o.GetProperty("id").GetString()), Is.EqualTo(new[] { "decide", "inform", "unclear" }));
        Assert.That(objects[0].EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "line", "task", "tier", "id", "mode", "modifiers", "confidence", "why", "next_step" }));
    }

    [Test]
    public void A_dash_reads_the_tasks_from_standard_input()
    {
        var run = Run(["--file", "-", "--format", "jsonl"], stdin: "Retro for the last sprint\r\nWelcome Aisha to the team\r\n");

        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        Assert.That(run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()), Is.EqualTo(new[] { "create", "connect" }));
    }

    [Test]
    public void Help_explains_both_forms_and_the_skipped_lines()
    {
        var run = Run(["--help"]);

        Assert.That(run.Exit, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain("classify \"<task>\"").And.Contain("--file").And.Contain("jsonl").And.Contain("\"#\"").And.Contain("Blank lines"));
    }

    private static IEnumerable<TestCaseData> BadInput()
    {
        yield return new TestCaseData(Array.Empty<string>(), "missing task text").SetName("{m}: no arguments");
        yield return new TestCaseData(new[] { "   " }, "missing task text").SetName("{m}: blank task");
        yield return new TestCaseData(new[] { "--format", "json" }, "missing task text").SetName("{m}: format without a task");
        yield return new TestCaseData(new[] { "Review the PR", "--verbose" }, "unknown option --verbose").SetName("{m}: unknown option");
        yield return new TestCaseData(new[] { "Review the PR", "--format", "xml" }, "unknown format 'xml'").SetName("{m}: unknown format");
        yield return new TestCaseData(new[] { "Review the PR", "--format" }, "Required argument missing for option: '--format'").SetName("{m}: format without a value");
        yield return new TestCaseData(new[] { "Review the PR", "--format", "jsonl" }, "--format jsonl needs --file").SetName("{m}: jsonl without a file");
        yield return new TestCaseData(new[] { "--file", "x.txt", "--format", "json" }, "unknown format 'json' for --file").SetName("{m}: json with a file");
        yield return new TestCaseData(new[] { "Review the PR", "--file", "x.txt" }, "not both").SetName("{m}: task and file");
        yield return new TestCaseData(new[] { "--file" }, "Required argument missing for option: '--file'").SetName("{m}: file without a value");
    }

    [TestCaseSource(nameof(BadInput))]
    public void Bad_arguments_give_one_line_on_stderr_and_exit_2(string[] args, string message)
    {
        var run = Run(args);

        Assert.That(run.Exit, Is.EqualTo(2));
        Assert.That(run.Out, Is.Empty);
        Assert.That(run.Err, Does.Contain(message));
        Assert.That(run.Err.TrimEnd('\n'), Does.Not.Contain('\n'));
    }

    [Test]
    public void A_missing_file_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"classify-missing-{Guid.NewGuid():N}.txt");

        var run = Run(["--file", path]);

        Assert.That(run.Exit, Is.EqualTo(2));
        Assert.That(run.Err, Does.Contain("file not found").And.Contain(path));
    }

    [Test]
    public void A_file_that_cannot_be_read_is_named_in_the_error()
    {
        var directory = Directory.CreateTempSubdirectory("classify-dir-").FullName;
        try
        {
            var run = Run(["--file", directory]);

            Assert.That(run.Exit, Is.EqualTo(2));
            Assert.That(run.Err, Does.Contain(directory));
            Assert.That(run.Out, Is.Empty);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [TestCase]
    [TestCase("", "   ", "# only a comment")]
    public void A_file_without_tasks_is_rejected(params string[] lines)
    {
        var path = TempFile(lines);

        var run = Run(["--file", path, "--format", "jsonl"]);

        Assert.That(run.Exit, Is.EqualTo(2));
        Assert.That(run.Err, Does.Contain(path).And.Contain("no tasks"));
        Assert.That(run.Out, Is.Empty);
    }

    private string TempFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"classify-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, lines.Length == 0 ? string.Empty : string.Join('\n', lines) + "\n");
        _tempFiles.Add(path);
        return path;
    }

    private static RunResult Run(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ClassifyCommand.Run(args, input, output, error);
        return new RunResult(exit, output.ToString(), error.ToString());
    }

    private sealed record RunResult(int Exit, string Out, string Err)
    {
        public string[] OutLines => Out.TrimEnd('\n').Split('\n');
    }
}
