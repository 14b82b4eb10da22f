using System.Globalization;
using System.Text;
using AsyncCoach.Core.Evaluation;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// Every finding the engine gives on every message of the dev splits and the rules corpus, compared with
/// <c>Fixtures/engine-golden.txt</c>: a speed change to the shared machinery (text, phrase book, word
/// grammars, tracker) must not change one result. A change meant to change results regenerates the file
/// with <c>tests/AsyncCoach.Core.Tests/regenerate-engine-golden.sh</c> and shows the difference in review.
/// The file holds ids, rule ids and evidence phrases, never message text.
/// </summary>
public sealed class EngineGoldenTests
{
    private const string GoldenFile = "engine-golden.txt";

    /// <summary>Set to a path, the test writes the findings there instead of comparing (the regenerate script).</summary>
    private const string WriteVariable = "ASYNCCOACH_ENGINE_GOLDEN_OUT";

    private static readonly string[] Sources =
    [
        "devset/messages.dev.jsonl", "devset2/messages.dev.jsonl", "devset3/messages.dev.jsonl",
        "devset4/messages.dev.jsonl", "devset5/messages.dev.jsonl",
        "rules-corpus/after-hours.jsonl", "rules-corpus/broadcast.jsonl", "rules-corpus/burst.jsonl",
        "rules-corpus/chatter.jsonl", "rules-corpus/huddle.jsonl", "rules-corpus/missing-context.jsonl",
        "rules-corpus/vague-urgency.jsonl", "rules-corpus/zz-holdout.jsonl",
    ];

    [Test]
    public void Findings_on_every_dev_and_corpus_message_match_the_golden_file()
    {
        var actual = Render(RuleEngine.CreateDefault());
        if (Environment.GetEnvironmentVariable(WriteVariable) is { Length: > 0 } target)
        {
            File.WriteAllText(target, actual);
            Assert.Ignore($"wrote {target}");
        }

        var expected = File.ReadAllText(Fixture(GoldenFile)).ReplaceLineEndings("\n");
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], -1);
        Assert.That(
            actual,
            Is.EqualTo(expected),
            first < 0
                ? $"{actualLines.Length} lines against {expectedLines.Length} golden lines"
                : $"first difference at line {first + 1}:\n  golden: {expectedLines[first]}\n  now:    {actualLines[first]}");
    }

    [Test]
    public void The_golden_file_covers_every_rule_and_both_paths()
    {
        var golden = File.ReadAllText(Fixture(GoldenFile));
        Assert.Multiple(() =>
        {
            foreach (var rule in new[] { RuleIds.MissingContext, RuleIds.HuddleInsteadOfThread, RuleIds.AfterHoursPing, RuleIds.BroadcastOveruse, RuleIds.MessageBurst, RuleIds.VagueUrgency })
            {
                Assert.That(golden, Does.Contain($" {rule} ["), $"no engine finding of {rule}");
                Assert.That(golden, Does.Contain($"tracker {rule} "), $"no tracker finding of {rule}");
            }
        });
    }

    private static string Fixture(string path) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", path);

    private static string Render(RuleEngine engine)
    {
        var output = new StringBuilder();
        foreach (var source in Sources)
        {
            var conversations = LabelledConversation.Load(Fixture(source));
            for (var c = 0; c < conversations.Count; c++)
            {
                var conversation = conversations[c];
                var tracker = new ConversationTracker(engine);
                var messages = conversation.Messages.Where(m => !m.FromBot).ToList();
                for (var m = 0; m < messages.Count; m++)
                {
                    var message = messages[m].Message;

                    // The engine alone (no history), and whether it read the text as stating no purpose.
                    var alone = engine.Evaluate(message, message.Time, conversation.Context, ConversationActivity.Empty, out var naked);
                    output.Append(CultureInfo.InvariantCulture, $"{source}#{c}.{m} naked={(naked ? 1 : 0)}");
                    foreach (var finding in alone)
                    {
                        output.Append(' ').Append(Describe(finding));
                    }

                    output.Append('\n');

                    // Production's path: the tracker with its grace windows.
                    foreach (var finding in tracker.Observe(message, conversation.Context))
                    {
                        output.Append(CultureInfo.InvariantCulture, $"{source}#{c}.{m} tracker ").Append(Describe(finding)).Append('\n');
                    }
                }

                foreach (var finding in tracker.Flush())
                {
                    output.Append(CultureInfo.InvariantCulture, $"{source}#{c} flush tracker ").Append(Describe(finding)).Append('\n');
                }
            }
        }

        return output.ToString();
    }

    // A stable hash of the suggestion (string.GetHashCode differs per process): the file stays small and still
    // changes when a suggestion does.
    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static string Describe(Finding f)
    {
        var recipients = string.Join(",", f.OffHoursRecipients.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.User.Value}@{r.TimeZoneId}@{r.LocalTime:O}@{r.NextWorkStart:O}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{f.RuleId} [{string.Join("|", f.Evidence)}] ts={f.Ts.Value} thread={f.ThreadTs?.Value} author={f.Author.Value} at={f.At:O} off=[{recipients}] suggestion={Fnv(f.Suggestion):x8}");
    }
}
