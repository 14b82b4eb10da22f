using System.Text;
using System.Text.Json;
using AsyncCoach.Audit;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Tests.Audit;

public sealed class AuditOutputTests
{
    [Test]
    public async Task Jsonl_is_one_line_per_finding_with_conversation_ids_and_export_ts_strings()
    {
        using var export = FullExport.Build();
        var (auditors, _) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.That(lines[^1], Is.Empty, "output ends with a newline");
        // Channel ids (DJ47BL849 from dms.json, G9HBG2A5D from mpims.json), never folder names;
        // ts exactly as in the export, trailing zeros included.
        // In conversation order (by name, else id), whichever worker finished first.
        Assert.That(lines[..^1].Select(UpToUser), Is.EqualTo(new[]
        {
            "{\"rule\":\"after-hours-ping\",\"channel\":\"DJ47BL849\",\"ts\":\"1556640000.000100\",\"user\":\"U061A1R2R\"",
            "{\"rule\":\"missing-context\",\"channel\":\"G9HBG2A5D\",\"ts\":\"1556638600.000020\",\"user\":\"U061A1R2R\"",
            "{\"rule\":\"vague-urgency\",\"channel\":\"C0RANDOM1\",\"ts\":\"1434200005.000600\",\"user\":\"U061A1R2R\"",
        }));
        foreach (var line in lines[..^1])
        {
            using var doc = JsonDocument.Parse(line);
            Assert.That(doc.RootElement.EnumerateObject().Take(4).Select(p => p.Name), Is.EqualTo(new[] { "rule", "channel", "ts", "user" }));
        }
    }

    [Test]
    public async Task Json_is_one_document_with_summary_and_findings()
    {
        using var export = FullExport.Build();
        var (auditors, _) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var summary = doc.RootElement.GetProperty("summary");
        var findings = doc.RootElement.GetProperty("findings");
        Assert.Multiple(() =>
        {
            Assert.That(findings.GetArrayLength(), Is.EqualTo(3));
            Assert.That(summary.GetProperty("findings").GetInt64(), Is.EqualTo(3));
            Assert.That(summary.GetProperty("messages_evaluated").GetInt64(), Is.EqualTo(10));
            Assert.That(summary.GetProperty("rules").GetProperty("vague-urgency").GetProperty("findings").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("rules").GetProperty("vague-urgency").GetProperty("per_100_messages").GetDouble(), Is.EqualTo(10.0));
            Assert.That(summary.GetProperty("warnings")[0].GetString(), Does.Contain("old-deleted-channel"));
            Assert.That(findings.EnumerateArray().Select(f => f.GetProperty("channel").GetString()), Is.EquivalentTo(new[] { "C0RANDOM1", "G9HBG2A5D", "DJ47BL849" }));
        });
    }

    [Test]
    public async Task Json_with_no_findings_is_still_a_valid_document()
    {
        using var export = FullExport.Build();
        var (auditors, _) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "json", "--from", "2015-06-14", "--to", "2015-06-14");

        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.That(doc.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero);
        Assert.That(doc.RootElement.GetProperty("summary").GetProperty("messages_evaluated").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task Text_report_shows_coverage_rates_conversations_and_what_to_do_first()
    {
        using var export = FullExport.Build();
        var (auditors, _) = RecordingAuditor.Create();

        var result = await AuditRun.RunAsync(auditors, export.Root);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("Covered:  10 messages by 3 people in 5 conversations"));
        Assert.That(result.Stdout, Does.Match(@"vague-urgency\s+1\s+10\.00"));
        Assert.That(result.Stdout, Does.Match(@"message-burst\s+0\s+0\.00"));
        Assert.That(result.Stdout, Does.Contain("Period:   2015-06-12 19:58 to 2019-04-30 16:00 UTC"));
        Assert.That(result.Stdout, Does.Contain("#random (C0RANDOM1)"));
        Assert.That(result.Stdout, Does.Contain("[clearer expectations]").And.Contain("[writing things down]").And.Contain("[fewer interruptions]"));
        Assert.That(result.Stdout, Does.Contain("After-hours pings by the recipient's local time"));
    }

    [Test]
    public async Task Out_writes_the_report_to_the_file_and_nothing_to_stdout()
    {
        using var export = FullExport.Build();
        var (auditors, _) = RecordingAuditor.Create();
        var outFile = Path.Combine(export.Root, "findings.jsonl");

        var result = await AuditRun.RunAsync(auditors, export.Root, "--format", "jsonl", "--out", outFile);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(File.ReadAllLines(outFile), Has.Length.EqualTo(3));
    }

    [TestCase("json")]
    [TestCase("jsonl")]
    public async Task Out_writes_exactly_what_stdout_shows(string format)
    {
        // Enough findings for several spool chunks, with text that is not ASCII in each.
        using var export = FullExport.Build().File("random/2015-06-16.json", "[" + string.Join(",", Enumerable.Range(0, 4000).Select(i =>
            $$"""{"user": "U061A1R2R", "text": "n\u00b0 {{i}}: caf\u00e9 \u65e5\u672c \"q\" [x]", "ts": "1434500000.{{i:000000}}"}""")) + "]");
        ConversationAuditorFactory auditors = (_, _, _) => new EchoAuditor();
        var outFile = Path.Combine(export.Root, "report." + format);

        var toStdout = await AuditRun.RunAsync(auditors, export.Root, "--format", format);
        var toFile = await AuditRun.RunAsync(auditors, export.Root, "--format", format, "--out", outFile);

        Assert.That(toStdout.ExitCode, Is.Zero, toStdout.Stderr);
        Assert.That(toFile.ExitCode, Is.Zero, toFile.Stderr);
        Assert.That(toStdout.Stdout, Does.Contain("café 日本"));
        Assert.That(toStdout.Stdout.Length, Is.GreaterThan(2 * AuditRunner.ChunkBytes));
        Assert.That(File.ReadAllBytes(outFile), Is.EqualTo(new UTF8Encoding(false).GetBytes(toStdout.Stdout)));
    }

    [Test]
    public void A_busy_after_hours_grid_is_scaled_so_columns_stay_aligned()
    {
        var conversation = new Conversation(new ChannelId("C1"), ConversationKind.Channel, [], 0, "general");
        var tally = new ConversationTally(conversation, dayFiles: 1);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var mondayNight = TimeZoneInfo.ConvertTime(new DateTimeOffset(2024, 1, 8, 20, 30, 0, TimeSpan.Zero), berlin); // Mon 21:30 in Berlin
        for (var i = 0; i < 1500; i++)
        {
            tally.Add(new Finding(RuleIds.AfterHoursPing, new TeamId("T1"), conversation.Id, new MessageTs("1704745800.000000"), null,
                new UserId("U1"), mondayNight, [], "")
            {
                OffHoursRecipients = [new RecipientTime(new UserId("U2"), "Europe/Berlin", mondayNight, null)],
            });
        }

        var summary = new AuditSummary();
        summary.Merge(tally);
        using var text = new StringWriter();
        AuditText.Write(text, summary, new Dictionary<UserId, Person>());

        var lines = text.ToString().Split('\n');
        Assert.That(lines, Has.Some.Contains("in units of 10"));
        var monday = lines.Single(l => l.StartsWith("  Mon", StringComparison.Ordinal));
        Assert.That(monday, Has.Length.EqualTo(5 + (24 * 4)));
        Assert.That(monday.Substring(5 + (21 * 4), 4), Is.EqualTo(" 150"));
    }

    [Test]
    public async Task Help_prints_usage_and_succeeds()
    {
        var result = await AuditRun.RunAsync("--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Stdout, Does.StartWith("Description:").And.Contain("audit <export> [options]").And.Contain("--format <text|json|jsonl>"));
    }

    /// <summary>The line up to the end of the user value: the part whose exact shape is the contract.</summary>
    private static string UpToUser(string line)
    {
        var start = line.IndexOf("\"user\":\"", StringComparison.Ordinal) + 8;
        return line[..(line.IndexOf('"', start) + 1)];
    }

    /// <summary>A finding for every message whose text contains [x], with the text as its evidence.</summary>
    private sealed class EchoAuditor : IConversationAuditor
    {
        public IReadOnlyList<Finding> Observe(ChatMessage message) => message.Text.Contains("[x]", StringComparison.Ordinal)
            ? [new Finding("echo", message.Team, message.Channel, message.Ts, message.ThreadTs, message.Author, message.Time, [message.Text], "")]
            : [];

        public IReadOnlyList<Finding> Finish() => [];
    }
}
