using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Evaluation;

/// <summary>The <c>train-naked</c> verb (<see cref="NakedModelCommand"/>): what it writes, its leave-one-out table, and its answers to bad input.</summary>
public sealed class NakedModelCommandTests
{
    private static readonly string[] SetA =
    [
        """{"id":"a1","kind":"im","text":"you free?","x":["missing-context"]}""",
        """{"id":"a2","kind":"im","text":"can you send the March invoice?","x":[]}""",
    ];

    private static readonly string[] SetB =
    [
        """{"id":"b1","kind":"im","text":"got a sec?","x":["missing-context"]}""",
        """{"id":"b2","kind":"im","text":"the build is green again","x":[]}""",
    ];

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"train-naked-{Guid.NewGuid():N}")).FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, params string[] lines)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = NakedModelCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public void It_writes_a_model_that_reads_back_with_the_threshold_given()
    {
        Write("a/messages.dev.jsonl", SetA);
        var output = Path.Combine(_folder, "model.bin");

        var (exit, text, _) = Run(output, Path.Combine(_folder, "a"), "--threshold", "1.5");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(text, Does.Contain("trained on 2 messages"));
        using var stream = File.OpenRead(output);
        Assert.That(NakedModel.Read(stream).Threshold, Is.EqualTo(1.5f));
    }

    [Test]
    public void Leave_one_out_scores_each_set_against_the_grammars_alone()
    {
        var a = Write("a/messages.dev.jsonl", SetA);
        var b = Write("b/messages.dev.jsonl", SetB);

        var (exit, text, _) = Run(Path.Combine(_folder, "model.bin"), a, b, "--leave-one-out");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(text, Does.Contain("| held-out set | trained on | grammars alone P / R | grammars + model P / R |"));
        Assert.That(text.Split('\n').Count(l => l.StartsWith($"| {a} | {b} |", StringComparison.Ordinal) || l.StartsWith($"| {b} | {a} |", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void A_folder_gives_only_its_dev_split()
    {
        Write("a/messages.test.jsonl", SetB);
        var (exit, _, error) = Run(Path.Combine(_folder, "model.bin"), Path.Combine(_folder, "a"));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no messages*.dev.jsonl file to train on"));
    }

    [TestCase(new string[0], "name the output file")]
    [TestCase(new[] { "--bogus" }, "unknown option '--bogus'")]
    [TestCase(new[] { "out.bin", "x", "--threshold" }, "--threshold needs a number")]
    [TestCase(new[] { "out.bin", "x", "--threshold", "high" }, "--threshold 'high' is not a number")]
    public void Bad_arguments_name_what_is_wrong(string[] args, string expected)
    {
        var (exit, _, error) = Run(args);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("train-naked: ").And.Contain(expected));
    }

    [Test]
    public void A_test_split_a_wrong_file_or_a_missing_path_is_refused_by_name()
    {
        var test = Write("messages.test.jsonl", SetA);
        var tasks = Write("tasks.dev.jsonl", """{"task":"Review the PR","id2":"review"}""");
        var missing = Path.Combine(_folder, "nope");
        var output = Path.Combine(_folder, "model.bin");

        Assert.Multiple(() =>
        {
            Assert.That(Run(output, test).Err, Does.Contain($"{test}: a test split is never trained on"));
            Assert.That(Run(output, tasks).Err, Does.Contain($"{tasks}: not a messages*.jsonl file"));
            Assert.That(Run(output, missing).Err, Does.Contain($"{missing}: no such file or folder"));
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void A_malformed_line_is_named_with_its_file_and_line()
    {
        var bad = Write("messages.dev.jsonl", SetA[0], """{"id":"a2","kind":"im","text":"hi"}""");

        var (exit, _, error) = Run(Path.Combine(_folder, "model.bin"), bad);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("messages.dev.jsonl:2"));
    }

    [Test]
    public void Leave_one_out_needs_two_sets()
    {
        var a = Write("a/messages.dev.jsonl", SetA);

        var (exit, _, error) = Run(Path.Combine(_folder, "model.bin"), a, "--leave-one-out");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--leave-one-out needs at least two sets"));
    }

    [Test]
    public void An_output_that_cannot_be_written_is_named()
    {
        var a = Write("a/messages.dev.jsonl", SetA);
        var output = Path.Combine(_folder, "no-such-folder", "model.bin");

        var (exit, _, error) = Run(output, a);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"{output}: cannot be written"));
    }
}
