using System.Globalization;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// <c>train-naked &lt;out.bin&gt; &lt;folder|messages*.jsonl&gt;… [--threshold t] [--leave-one-out]</c>:
/// trains <see cref="NakedModel"/> on labelled single messages (a folder gives its
/// <c>messages*.dev.jsonl</c> files; a test split is refused, it is never trained on) and writes the
/// weights to <c>out.bin</c> (the embedded resource is <c>src/AsyncCoach.Core/Rules/naked-model.bin</c>).
/// <c>--leave-one-out</c> first scores each input on missing-context with a model trained on the
/// others, against the grammars alone. Bad input prints one line on the error writer and returns 2.
/// </summary>
public static class NakedModelCommand
{
    public const string Usage = "train-naked <out.bin> <folder|messages*.jsonl>… [--threshold <number>] [--leave-one-out [--misses]]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var threshold = NakedModelTrainer.DefaultThreshold;
        var leaveOneOut = false;
        var misses = false;
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--leave-one-out":
                    leaveOneOut = true;
                    break;
                case "--misses":
                    misses = true; // the held-out messages whose missing-context answer the model changed
                    break;
                case "--threshold" when i + 1 < args.Count:
                    if (!float.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out threshold))
                    {
                        return Fail(error, $"--threshold '{args[i]}' is not a number (e.g. --threshold 5)");
                    }

                    break;
                case "--threshold":
                    return Fail(error, "--threshold needs a number (e.g. --threshold 5)");
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail(error, $"unknown option '{option}'; usage: {Usage}");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count < 2)
        {
            return Fail(error, $"name the output file and at least one folder or messages*.jsonl file; usage: {Usage}");
        }

        var outPath = paths[0];
        var sets = new List<(string Name, List<LabelledConversation> Conversations)>();
        foreach (var path in paths.Skip(1))
        {
            if (Load(path, error) is not { } conversations)
            {
                return 2;
            }

            sets.Add((path, conversations));
        }

        if (leaveOneOut)
        {
            if (sets.Count < 2)
            {
                return Fail(error, "--leave-one-out needs at least two sets to hold one out");
            }

            output.WriteLine("| held-out set | trained on | grammars alone P / R | grammars + model P / R |");
            output.WriteLine("| --- | --- | --- | --- |");
            for (var held = 0; held < sets.Count; held++)
            {
                var others = sets.Where((_, i) => i != held).ToList();
                var model = NakedModelTrainer.Train(others.SelectMany(s => Examples(s.Conversations)), threshold: threshold);
                var alone = RuleScores.Evaluate(new RuleEngine(PhraseBook.Default, RuleEngine.DefaultRules(null)), sets[held].Conversations);
                var with = RuleScores.Evaluate(new RuleEngine(PhraseBook.Default, RuleEngine.DefaultRules(model)), sets[held].Conversations);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {sets[held].Name} | {string.Join(", ", others.Select(s => s.Name))} | {Figures(alone)} | {Figures(with)} |"));
                if (misses)
                {
                    foreach (var line in with.Misses.Except(alone.Misses).Where(m => m.Contains(RuleIds.MissingContext, StringComparison.Ordinal)))
                    {
                        output.WriteLine("  new miss: " + line);
                    }

                    foreach (var line in alone.Misses.Except(with.Misses).Where(m => m.Contains(RuleIds.MissingContext, StringComparison.Ordinal)))
                    {
                        output.WriteLine("  fixed: " + line);
                    }
                }
            }
        }

        var final = NakedModelTrainer.Train(sets.SelectMany(s => Examples(s.Conversations)), threshold: threshold);
        try
        {
            using var stream = File.Create(outPath);
            final.Write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"{outPath}: cannot be written ({e.Message})");
        }

        output.WriteLine($"wrote {outPath} (threshold {threshold.ToString(CultureInfo.InvariantCulture)}, trained on {sets.Sum(s => Examples(s.Conversations).Count())} messages)");
        return 0;
    }

    /// <summary>Single, human, top-level messages: the label is whether missing-context must fire.</summary>
    internal static IEnumerable<NakedExample> Examples(IEnumerable<LabelledConversation> conversations) =>
        conversations.Where(c => c.Messages.Count == 1 && !c.Messages[0].FromBot && !c.Messages[0].Message.IsThreadReply)
            .Select(c => new NakedExample(c.Messages[0].Message.Text, c.Messages[0].Message.Kind, c.Messages[0].Expected.Contains(RuleIds.MissingContext)));

    private static string Figures(RuleScores scores) => string.Create(CultureInfo.InvariantCulture,
        $"{scores.Precision(RuleIds.MissingContext):0.000} / {scores.Recall(RuleIds.MissingContext):0.000}");

    private static List<LabelledConversation>? Load(string path, TextWriter error)
    {
        string[] files;
        if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "messages*.dev.jsonl").Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                Fail(error, $"{path}: no messages*.dev.jsonl file to train on");
                return null;
            }
        }
        else if (File.Exists(path))
        {
            var name = Path.GetFileName(path);
            if (!name.StartsWith("messages", StringComparison.Ordinal) || !name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                Fail(error, $"{path}: not a messages*.jsonl file");
                return null;
            }

            if (name.EndsWith(".test.jsonl", StringComparison.Ordinal))
            {
                Fail(error, $"{path}: a test split is never trained on");
                return null;
            }

            files = [path];
        }
        else
        {
            Fail(error, $"{path}: no such file or folder");
            return null;
        }

        var conversations = new List<LabelledConversation>();
        foreach (var file in files)
        {
            try
            {
                conversations.AddRange(LabelledConversation.Load(file));
            }
            catch (InvalidDataException e)
            {
                Fail(error, Path.Combine(Path.GetDirectoryName(file) ?? "", e.Message));
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(error, $"{file}: cannot be read ({e.Message})");
                return null;
            }
        }

        return conversations;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"train-naked: {message}");
        return 2;
    }
}
