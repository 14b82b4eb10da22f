using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Evaluation;

/// <summary>The <c>train-huddle</c> verb (<see cref="HuddleModelCommand"/>): what it writes, its leave-one-out table and sweep, and its answers to bad input.</summary>
public sealed class HuddleModelCommandTests
{
    private static readonly string[] SetA =
    [
        """{"id":"a1","kind":"im","text":"quick zoom about the rota?","x":["huddle-instead-of-thread"]}""",
        """{"id":"a2","kind":"im","text":"we had a zoom about the rota","x":[]}""",
    ];

    private static readonly string[] SetB =
    [
        """{"id":"b1","kind":"im","text":"can we hop on a call about the invoices?","x":["huddle-instead-of-thread"]}""",
        """{"id":"b2","kind":"im","text":"the call notes are in the doc","x":[]}""",
    ];

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"train-huddle-{Guid.NewGuid():N}")).FullName;

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
        var exit = HuddleModelCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public void It_writes_a_model_that_reads_back_with_the_thresholds_and_features_given()
    {
        Write("a/messages.dev.jsonl", SetA);
        var also = Write("corpus/huddle.jsonl", SetB);
        var output = Path.Combine(_folder, "model.bin");

        var (exit, text, _) = Run(output, Path.Combine(_folder, "a"), "--also", also, "--threshold", "1.5", "--keep", "-2", "--without", "pairs", "--with", "letters");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(text, Does.Contain("trained on 4 messages"));
        using var stream = File.OpenRead(output);
        var model = HuddleModel.Read(stream);
        Assert.That((model.Threshold, model.KeepThreshold), Is.EqualTo((1.5f, -2f)));
        Assert.That(model.FeatureSet, Is.EqualTo((HuddleModelTrainer.DefaultFeatures | HuddleFeatureSet.Letters) & ~HuddleFeatureSet.Pairs));
    }

    [Test]
    public void Leave_one_out_scores_each_set_against_the_grammar_alone_and_sweeps_the_thresholds()
    {
        var a = Write("a/messages.dev.jsonl", SetA);
        var b = Write("b/messages.dev.jsonl", SetB);

        var (exit, text, _) = Run(Path.Combine(_folder, "model.bin"), a, b, "--leave-one-out", "--sweep");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(text, Does.Contain("| held-out set | grammar alone P / R | grammar + model P / R |"));
        Assert.That(text.Split('\n').Count(l => l.StartsWith($"| {a} |", StringComparison.Ordinal) || l.StartsWith($"| {b} |", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(text, Does.Contain("| all held out, pooled |").And.Contain("| threshold \\ keep |"));
    }

    [TestCase("a/messages.test.jsonl", "a test split is never trained on")]
    [TestCase("a/tasks.dev.jsonl", "not a messages*.dev.jsonl file")]
    public void A_file_that_is_not_a_dev_split_of_messages_is_refused(string file, string reason)
    {
        var path = Write(file, SetA);

        var (exit, _, error) = Run(Path.Combine(_folder, "model.bin"), path);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("train-huddle: ").And.Contain(reason));
    }

    [TestCase(new[] { "--threshold", "high" }, "--threshold 'high' is not a number")]
    [TestCase(new[] { "--keep" }, "--keep needs a number")]
    [TestCase(new[] { "--without", "vowels" }, "--without 'vowels' is not a kind of feature")]
    [TestCase(new[] { "--fast" }, "unknown option '--fast'")]
    [TestCase(new[] { "--leave-one-out" }, "--leave-one-out needs at least two sets")]
    public void Bad_options_get_a_one_line_reason(string[] options, string reason)
    {
        var a = Write("a/messages.dev.jsonl", SetA);

        var (exit, _, error) = Run([Path.Combine(_folder, "model.bin"), a, .. options]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.Trim(), Does.StartWith("train-huddle: ").And.Contain(reason).And.Not.Contain("\n"));
    }

    [Test]
    public void A_missing_path_and_a_malformed_line_are_named()
    {
        var (exit, _, error) = Run(Path.Combine(_folder, "model.bin"), Path.Combine(_folder, "nowhere"));
        Assert.That((exit, error), Is.EqualTo((2, $"train-huddle: {Path.Combine(_folder, "nowhere")}: no such file or folder{Environment.NewLine}")));

        var bad = Write("b/messages.dev.jsonl", "{not json");
        (exit, _, error) = Run(Path.Combine(_folder, "model.bin"), Path.Combine(_folder, "b"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("messages.dev.jsonl:1"));
        Assert.That(File.Exists(bad), Is.True);
    }
}
