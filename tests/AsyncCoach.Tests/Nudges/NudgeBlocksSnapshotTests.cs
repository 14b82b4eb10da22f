using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;
using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Tests.Nudges;

/// <summary>
/// The Block Kit of every rule's nudge is within Slack's limits and matches its snapshot under
/// Fixtures/snapshots, so a wording change is a deliberate edit of that file. Set
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite them (in the source tree), then review the diff.
/// </summary>
public sealed class NudgeBlocksSnapshotTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 20, 40, 0, TimeSpan.Zero);

    private static Finding Finding(string ruleId, IReadOnlyList<string> evidence, IReadOnlyList<RecipientTime>? recipients = null) =>
        new(ruleId, new TeamId("T1"), new ChannelId("C1"), MessageTs.FromInstant(At), null, new UserId("U1"), At, evidence, "tip")
        {
            OffHoursRecipients = recipients ?? [],
        };

    private static RecipientTime Recipient(string user, string zone, int offsetHours) =>
        new(new UserId(user), zone, At.ToOffset(TimeSpan.FromHours(offsetHours)),
            new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(offsetHours)));

    public static IEnumerable<TestCaseData> Rules()
    {
        yield return new TestCaseData(RuleIds.AfterHoursPing, new[] { Finding(RuleIds.AfterHoursPing, [], [Recipient("U2", "Europe/Berlin", 1)]) });
        yield return new TestCaseData(RuleIds.MissingContext, new[] { Finding(RuleIds.MissingContext, ["hey", "got a minute"]) });
        yield return new TestCaseData(RuleIds.HuddleInsteadOfThread, new[] { Finding(RuleIds.HuddleInsteadOfThread, ["hop on a call"]) });
        yield return new TestCaseData(RuleIds.BroadcastOveruse, new[] { Finding(RuleIds.BroadcastOveruse, ["<!channel>"]) });
        yield return new TestCaseData(RuleIds.MessageBurst, new[] { Finding(RuleIds.MessageBurst, ["4 messages in 40 s"]) });
        yield return new TestCaseData(RuleIds.VagueUrgency, new[] { Finding(RuleIds.VagueUrgency, ["asap"]) });
        yield return new TestCaseData("combined", new[]
        {
            Finding(RuleIds.MissingContext, ["hi"]),
            Finding(RuleIds.HuddleInsteadOfThread, ["huddle"]),
            Finding(RuleIds.AfterHoursPing, [], [Recipient("U2", "Europe/Berlin", 1), Recipient("U3", "Asia/Tokyo", 9)]),
        });
    }

    private static JsonObject Render(Finding[] findings)
    {
        var message = NudgeBlocks.Build(NudgeComposer.Compose(findings), 42);
        Assert.That(message.Validate(), Is.Empty, "within Block Kit limits, with a fallback text");
        var request = JsonSerializer.SerializeToNode(message.ToPostEphemeral("C1", "U1"), SlackJsonContext.Default.PostEphemeralRequest)!.AsObject();
        return new JsonObject { ["text"] = request["text"]!.DeepClone(), ["blocks"] = request["blocks"]!.DeepClone() };
    }

    [TestCaseSource(nameof(Rules))]
    public void The_nudge_matches_its_snapshot(string name, Finding[] findings)
    {
        var actual = Render(findings).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var file = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "snapshots", $"nudge-{name}.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Fixtures", "snapshots", $"nudge-{name}.json"));
            File.WriteAllText(source, actual);
            Assert.Inconclusive($"snapshot written to {source}; review and commit it");
        }

        Assert.That(File.Exists(file), Is.True, $"missing snapshot {file}; run with UPDATE_SNAPSHOTS=1");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(file)));
    }

    [Test]
    public void Every_rule_at_once_and_many_recipients_stay_within_the_limits()
    {
        var many = Enumerable.Range(0, 40).Select(i => Recipient($"U{i:D8}", "Europe/Berlin", 1)).ToList();
        Finding[] findings =
        [
            .. RuleIds.All.Where(r => r != RuleIds.AfterHoursPing).Select(r => Finding(r, [new string('x', 500)])),
            Finding(RuleIds.AfterHoursPing, [], many),
        ];

        var message = NudgeBlocks.Build(NudgeComposer.Compose(findings), long.MaxValue);

        Assert.That(message.Validate(), Is.Empty);
        Assert.That(message.Blocks, Has.Count.EqualTo(RuleIds.All.Count + 2));
    }

    [Test]
    public void The_after_hours_nudge_names_their_local_time_and_the_exact_time_to_schedule()
    {
        var paragraph = NudgeComposer.Compose([Finding(RuleIds.AfterHoursPing, [], [Recipient("U2", "Europe/Berlin", 1)])]).Paragraphs.Single().Markdown;
        Assert.That(paragraph, Does.Contain("It's 21:40 for <@U2>"));
        Assert.That(paragraph, Does.Contain("schedule it for *Wed 09:00* their time"));
        Assert.That(paragraph, Does.Contain($"<!date^{new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}^"));
    }

    [Test]
    public void The_missing_context_example_starts_with_their_own_greeting()
    {
        var paragraph = NudgeComposer.Compose([Finding(RuleIds.MissingContext, ["good morning", "you around"])]).Paragraphs.Single().Markdown;
        Assert.That(paragraph, Does.Contain(">Good morning! Could you"));
    }

    [Test]
    public void A_nudge_needs_a_finding() =>
        Assert.That(() => NudgeComposer.Compose([]), Throws.ArgumentException);
}
