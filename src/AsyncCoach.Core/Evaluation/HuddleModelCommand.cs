using System.Globalization;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// <c>train-huddle &lt;out.bin&gt; &lt;folder|messages*.dev.jsonl&gt;… [--also &lt;file|folder&gt;] [--with|--without words,pairs,around,letters,signals,shape,acts] [--threshold t] [--keep k] [--leave-one-out [--sweep] [--misses]]</c>:
/// trains <see cref="HuddleModel"/> on labelled single messages (a folder gives its
/// <c>messages*.dev.jsonl</c> files; a test split is refused) and writes the weights to <c>out.bin</c>
/// (the embedded resource is <c>src/AsyncCoach.Core/Rules/huddle-model.bin</c>). <c>--leave-one-out</c>
/// first scores each input on huddle-instead-of-thread with a model trained on the others, against the
/// grammar alone; <c>--sweep</c> adds the pooled held-out scores over a grid of thresholds (how the
/// shipped ones were chosen). <c>--also</c> adds examples to every training set that are never held out
/// (the rules corpus); <c>--with</c>/<c>--without</c> add or leave out kinds of feature (ablations; the default is <see cref="HuddleModelTrainer.DefaultFeatures"/>). Bad input prints one line on the error writer and returns 2.
/// </summary>
public static class HuddleModelCommand
{
    public const string Usage = "train-huddle <out.bin> <folder|messages*.dev.jsonl>… [--also <file|folder>] [--with|--without <kinds>] [--threshold <number>] [--keep <number>] [--leave-one-out [--sweep] [--misses]]";

    private static readonly float[] SweepAdd = [-4, -2, 0, 2, 4, 6, 8, 10, 14];
    private static readonly float[] SweepKeep = [float.NegativeInfinity, -20, -10, -5, -2, 0];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var threshold = HuddleModelTrainer.DefaultThreshold;
        var keep = HuddleModelTrainer.DefaultKeepThreshold;
        var (leaveOneOut, sweep, misses) = (false, false, false);
        var paths = new List<string>();
        var also = new List<LabelledConversation>();
        var featureSet = HuddleModelTrainer.DefaultFeatures;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--also" when i + 1 < args.Count:
                    if (Load(args[++i], error, anyName: true) is not { } extra)
                    {
                        return 2;
                    }

                    also.AddRange(extra);
                    break;
                case "--without" or "--with" when i + 1 < args.Count:
                    var flag = args[i];
                    foreach (var name in args[++i].Split(','))
                    {
                        if (!Enum.TryParse<HuddleFeatureSet>(name, ignoreCase: true, out var kind) || kind is HuddleFeatureSet.None or HuddleFeatureSet.All)
                        {
                            return Fail(error, $"{flag} '{name}' is not a kind of feature (words, pairs, around, letters, signals, shape, acts)");
                        }

                        featureSet = flag == "--with" ? featureSet | kind : featureSet & ~kind;
                    }

                    break;
                case "--also" or "--without" or "--with":
                    return Fail(error, $"{args[i]} needs a value; usage: {Usage}");
                case "--leave-one-out":
                    leaveOneOut = true;
                    break;
                case "--sweep":
                    sweep = true;
                    break;
                case "--misses":
                    misses = true;
                    break;
                case "--threshold" or "--keep" when i + 1 < args.Count:
                    if (!float.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        return Fail(error, $"{args[i]} '{args[i + 1]}' is not a number (e.g. {args[i]} 2)");
                    }

                    (threshold, keep) = args[i] == "--threshold" ? (value, keep) : (threshold, value);
                    i++;
                    break;
                case "--threshold" or "--keep":
                    return Fail(error, $"{args[i]} needs a number (e.g. {args[i]} 2)");
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail(error, $"unknown option '{option}'; usage: {Usage}");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count < 2)
        {
            return Fail(error, $"name the output file and at least one folder or messages*.dev.jsonl file; usage: {Usage}");
        }

        var sets = new List<(string Name, List<LabelledConversation> Conversations)>();
        foreach (var path in paths.Skip(1))
        {
            if (Load(path, error) is not { } conversations)
            {
                return 2;
            }

            sets.Add((path, conversations));
        }

        if (leaveOneOut && sets.Count < 2)
        {
            return Fail(error, "--leave-one-out needs at least two sets to hold one out");
        }

        if (leaveOneOut)
        {
            LeaveOneOut(sets, also, (threshold, keep, featureSet), (sweep, misses), output);
        }

        var final = HuddleModelTrainer.Train(sets.SelectMany(s => Examples(s.Conversations)).Concat(Examples(also)), threshold: threshold, keepThreshold: keep, featureSet: featureSet);
        try
        {
            using var stream = File.Create(paths[0]);
            final.Write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"{paths[0]}: cannot be written ({e.Message})");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {paths[0]} (threshold {threshold}, keep {keep}, features {featureSet}, trained on {sets.Sum(s => Examples(s.Conversations).Count()) + Examples(also).Count()} messages)"));
        return 0;
    }

    /// <summary>Single, human, top-level messages: the label is whether huddle-instead-of-thread must fire.</summary>
    internal static IEnumerable<HuddleExample> Examples(IEnumerable<LabelledConversation> conversations) =>
        conversations.Where(c => c.Messages.Count == 1 && !c.Messages[0].FromBot && !c.Messages[0].Message.IsThreadReply)
            .Select(c => new HuddleExample(c.Messages[0].Message, c.Context, c.Messages[0].Expected.Contains(RuleIds.HuddleInsteadOfThread)));

    private static void LeaveOneOut(
        List<(string Name, List<LabelledConversation> Conversations)> sets, List<LabelledConversation> also,
        (float Threshold, float Keep, HuddleFeatureSet Features) settings, (bool Sweep, bool Misses) show, TextWriter output)
    {
        var (threshold, keep, featureSet) = settings;
        var (sweep, misses) = show;
        output.WriteLine("| held-out set | grammar alone P / R | grammar + model P / R |");
        output.WriteLine("| --- | --- | --- |");
        var grid = new Dictionary<(float Add, float Keep), (int Tp, int Fp, int Fn)>();
        var (before, after) = ((0, 0, 0), (0, 0, 0));
        for (var held = 0; held < sets.Count; held++)
        {
            var training = sets.Where((_, i) => i != held).SelectMany(s => Examples(s.Conversations)).Concat(Examples(also));
            var model = HuddleModelTrainer.Train(training, threshold: threshold, keepThreshold: keep, featureSet: featureSet);
            var alone = Score(null, sets[held].Conversations);
            var with = Score(model, sets[held].Conversations);
            before = Add(before, alone.Counts(RuleIds.HuddleInsteadOfThread));
            after = Add(after, with.Counts(RuleIds.HuddleInsteadOfThread));
            output.WriteLine($"| {sets[held].Name} | {Figures(alone.Counts(RuleIds.HuddleInsteadOfThread))} | {Figures(with.Counts(RuleIds.HuddleInsteadOfThread))} |");
            if (misses)
            {
                foreach (var line in with.Misses.Except(alone.Misses).Where(m => m.Contains(RuleIds.HuddleInsteadOfThread, StringComparison.Ordinal)))
                {
                    output.WriteLine("  new miss: " + line);
                }

                foreach (var line in alone.Misses.Except(with.Misses).Where(m => m.Contains(RuleIds.HuddleInsteadOfThread, StringComparison.Ordinal)))
                {
                    output.WriteLine("  fixed: " + line);
                }
            }

            if (sweep)
            {
                foreach (var add in SweepAdd)
                {
                    foreach (var k in SweepKeep)
                    {
                        var counts = Score(model.WithThresholds(add, k), sets[held].Conversations).Counts(RuleIds.HuddleInsteadOfThread);
                        grid[(add, k)] = Add(grid.GetValueOrDefault((add, k)), counts);
                    }
                }
            }
        }

        output.WriteLine($"| all held out, pooled | {Figures(before)} | {Figures(after)} |");
        if (sweep)
        {
            output.WriteLine();
            output.WriteLine("| threshold \\ keep | " + string.Join(" | ", SweepKeep.Select(k => k.ToString(CultureInfo.InvariantCulture))) + " |");
            output.WriteLine("| --- |" + string.Concat(SweepKeep.Select(_ => " --- |")));
            foreach (var add in SweepAdd)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {add} | ") + string.Join(" | ", SweepKeep.Select(k => Figures(grid[(add, k)]))) + " |");
            }
        }
    }

    private static RuleScores Score(HuddleModel? model, List<LabelledConversation> conversations) =>
        RuleScores.Evaluate(new RuleEngine(PhraseBook.Default, RuleEngine.DefaultRules(NakedModel.Default, model)), conversations);

    private static (int, int, int) Add((int Tp, int Fp, int Fn) a, (int Tp, int Fp, int Fn) b) => (a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);

    private static string Figures((int Tp, int Fp, int Fn) c) => string.Create(CultureInfo.InvariantCulture,
        $"{(c.Tp + c.Fp > 0 ? (double)c.Tp / (c.Tp + c.Fp) : 1):0.000} / {(c.Tp + c.Fn > 0 ? (double)c.Tp / (c.Tp + c.Fn) : 1):0.000}");

    // A development set's dev split, or (anyName: the --also corpus) any *.jsonl but a test split.
    private static List<LabelledConversation>? Load(string path, TextWriter error, bool anyName = false)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, anyName ? "*.jsonl" : "messages*.dev.jsonl").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : null;
        if (files is null or { Length: 0 })
        {
            Fail(error, files is null ? $"{path}: no such file or folder" : $"{path}: no {(anyName ? "*.jsonl" : "messages*.dev.jsonl")} file to train on");
            return null;
        }

        if (files.FirstOrDefault(f => f.EndsWith(".test.jsonl", StringComparison.Ordinal)
                || (!anyName && (!Path.GetFileName(f).StartsWith("messages", StringComparison.Ordinal) || !f.EndsWith(".dev.jsonl", StringComparison.Ordinal)))) is { } other)
        {
            Fail(error, $"{other}: not a messages*.dev.jsonl file (a test split is never trained on)");
            return null;
        }

        try
        {
            return files.SelectMany(LabelledConversation.Load).ToList();
        }
        catch (InvalidDataException e)
        {
            Fail(error, $"{path}: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(error, $"{path}: cannot be read ({e.Message})");
            return null;
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"train-huddle: {message}");
        return 2;
    }
}
