using System.Globalization;
using System.Text;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Evaluation;

/// <summary>
/// Precision and recall per rule over labelled conversations, each streamed through a fresh
/// <see cref="ConversationTracker"/> as production does (grace windows included) and flushed at the
/// end; a conversation of one message is therefore judged alone, as <c>check</c> does.
/// </summary>
public sealed class RuleScores
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _counts = RuleIds.All.ToDictionary(r => r, _ => (0, 0, 0));
    private readonly List<string> _misses = [];

    public int Messages { get; private set; }

    /// <summary>Each disagreement: <c>id#index: rule expected X, got Y: text</c>, in input order.</summary>
    public IReadOnlyList<string> Misses => _misses;

    public static RuleScores Evaluate(RuleEngine engine, IEnumerable<LabelledConversation> conversations)
    {
        var scores = new RuleScores();
        foreach (var conversation in conversations)
        {
            var tracker = new ConversationTracker(engine);
            var findings = conversation.Messages.Where(m => !m.FromBot).SelectMany(m => tracker.Observe(m.Message, conversation.Context)).ToList();
            findings.AddRange(tracker.Flush());
            for (var i = 0; i < conversation.Messages.Count; i++)
            {
                var message = conversation.Messages[i];
                var mine = findings.Where(f => f.Ts == message.Message.Ts && f.Channel == message.Message.Channel).ToList();
                var actual = mine.Select(f => f.RuleId).ToHashSet();
                // A missing-context finding the model made says which features decided it.
                var why = mine.Any(f => f.Evidence.Contains(MissingContextRule.ModelEvidence)) && engine.Rules.OfType<MissingContextRule>().FirstOrDefault()?.Model is { } model
                    ? $" (model: {string.Join(", ", model.Explain(message.Message.Text, message.Message.Kind))})"
                    : "";
                scores.Add($"{conversation.Id}#{i}", message.Message.Text + why, message.Expected, actual);
            }
        }

        return scores;
    }

    public (int Tp, int Fp, int Fn) Counts(string rule) => _counts[rule];

    public double Precision(string rule) => _counts[rule] is var (tp, fp, _) && tp + fp > 0 ? (double)tp / (tp + fp) : 1;

    public double Recall(string rule) => _counts[rule] is var (tp, _, fn) && tp + fn > 0 ? (double)tp / (tp + fn) : 1;

    /// <summary>A Markdown table: one row per rule with its counts, precision and recall.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| rule | TP | FP | FN | precision | recall |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (rule, (tp, fp, fn)) in _counts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {tp} | {fp} | {fn} | {Precision(rule):0.000} | {Recall(rule):0.000} |");
        }

        return text.ToString();
    }

    private void Add(string where, string text, IReadOnlySet<string> expected, IReadOnlySet<string> actual)
    {
        Messages++;
        foreach (var rule in RuleIds.All)
        {
            var (want, got) = (expected.Contains(rule), actual.Contains(rule));
            var (tp, fp, fn) = _counts[rule];
            _counts[rule] = (tp + (want && got ? 1 : 0), fp + (!want && got ? 1 : 0), fn + (want && !got ? 1 : 0));
            if (want != got)
            {
                _misses.Add($"{where}: {rule} expected {want}, got {got}: {text.ReplaceLineEndings(" ")}");
            }
        }
    }
}
