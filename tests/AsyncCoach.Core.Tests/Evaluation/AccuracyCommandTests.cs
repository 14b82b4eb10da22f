using AsyncCoach.Core.Evaluation;

namespace AsyncCoach.Core.Tests.Evaluation;

/// <summary>The <c>accuracy</c> verb (bench and tests share <see cref="AccuracyCommand"/>): its figures per split and its answers to bad input.</summary>
public sealed class AccuracyCommandTests
{
    private const string GoodMessage = """{"id":"m1","kind":"im","text":"hi","x":["missing-context"]}""";
    private const string GoodTask = """{"task":"Review the PR for the login fix","id2":"review"}""";

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"accuracy-{Guid.NewGuid():N}")).FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = AccuracyCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public void A_split_scores_only_its_own_files()
    {
        Write("messages.dev.jsonl", GoodMessage);
        Write("messages.test.jsonl", GoodMessage);
        Write("tasks.dev.jsonl", GoodTask);

        var (exit, output, error) = Run(_folder, "--split", "dev");

        Assert.That((exit, error), Is.EqualTo((0, "")));
        Assert.That(output, Does.Contain("messages.dev.jsonl").And.Contain("tasks.dev.jsonl").And.Not.Contain("messages.test.jsonl"));
        Assert.That(output, Does.Contain("| missing-context | 1 | 0 | 0 | 1.000 | 1.000 |"));
        Assert.That(output, Does.Contain("exact tier 1/1 = 1.000"));
    }

    [Test]
    public void A_missing_path_is_named()
    {
        var missing = Path.Combine(_folder, "nope.jsonl");

        var (exit, output, error) = Run(missing);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd(), Is.EqualTo($"accuracy: {missing}: no such file or folder"));
    }

    [Test]
    public void An_unknown_split_is_refused()
    {
        Write("messages.dev.jsonl", GoodMessage);

        var (exit, _, error) = Run(_folder, "--split", "holdout");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.TrimEnd(), Is.EqualTo("accuracy: unknown split 'holdout': use --split dev, test or all"));
    }

    [Test]
    public void A_split_with_no_files_is_refused()
    {
        Write("messages.dev.jsonl", GoodMessage);

        var (exit, _, error) = Run(_folder, "--split", "test");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("accuracy: no messages*/rules*/tasks*/taxonomy*.jsonl files of the test split in "));
    }

    [Test]
    public void An_unknown_option_is_refused()
    {
        var (exit, _, error) = Run(_folder, "--verbose");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("accuracy: unknown option '--verbose'"));
    }

    [TestCase("""{"id":"m2","kind":"im","text":"hi"}""", "missing field \"x\" (the expected rule ids)", TestName = "A message line without its labels names the field")]
    [TestCase("""{"id":"m2","kind":"im","x":[]}""", "missing field \"text (or msgs)\"", TestName = "A message line without text names the field")]
    [TestCase("""{"id":"m2","kind":"im","text":"hi","x":["missing-contxt"]}""", "field \"x\": unknown rule id 'missing-contxt'", TestName = "A misspelt rule id is named")]
    [TestCase("""{"id":"m2","kind":"im","text":42,"x":[]}""", "field \"text (or msgs)\" must be a string", TestName = "A text that is not a string names the field")]
    public void A_malformed_message_line_names_the_file_the_line_and_the_field(string line, string reason)
    {
        var file = Write("messages.dev.jsonl", GoodMessage, line);

        var (exit, output, error) = Run(_folder);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty, "nothing is printed before the input is known to be good");
        Assert.That(error.TrimEnd(), Is.EqualTo($"accuracy: {file}:2: {reason}"));
    }

    [TestCase("""{"id2":"review"}""", "missing field \"task\"", TestName = "A task line without the task names the field")]
    [TestCase("""{"task":"Review the PR"}""", "missing field \"id\" (or \"id2\"): the tier id", TestName = "A task line without a tier names the field")]
    [TestCase("""{"task":"Review the PR","id2":"ponder"}""", "unknown tier id 'ponder'", TestName = "A task line with an unknown tier names it")]
    [TestCase("""{"task":"Review the PR", """, "", TestName = "A task line that is not JSON names the line")]
    public void A_malformed_task_line_names_the_file_the_line_and_the_field(string line, string reason)
    {
        var file = Write("tasks.dev.jsonl", GoodTask, line);

        var (exit, _, error) = Run(file);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith($"accuracy: {file}:2: {reason}"));
    }

    [Test]
    public void A_file_with_no_labelled_lines_is_refused()
    {
        var file = Write("tasks.dev.jsonl", "", "  ");

        var (exit, _, error) = Run(file);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.TrimEnd(), Is.EqualTo($"accuracy: {file}: no labelled lines"));
    }

    [Test]
    public void A_file_with_another_name_is_refused()
    {
        var file = Write("notes.jsonl", GoodTask);

        var (exit, _, error) = Run(file);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.TrimEnd(), Is.EqualTo($"accuracy: {file}: not a messages*/rules*/tasks*/taxonomy*.jsonl file"));
    }
}
