using System.Text.Json;

namespace AsyncCoach.Tests.Audit;

/// <summary>The audit end to end with the live tracker and rules.</summary>
public sealed class AuditWithRulesTests
{
    private static readonly string SampleFolder = ExportBuilder.FixturePath("hfaran-slack-export-viewer", "extracted");

    /// <summary>
    /// Of the 2016 sample's 52 human messages, 14 mention someone (all four people are in
    /// America/Los_Angeles). Twelve reach the mentioned person outside Mon–Fri 09:00–17:00 Pacific
    /// (six on Sunday 2016-02-07; 2016-03-17 02:48 PDT, the day after DST; Fri 23:16; two on Sunday
    /// night 2016-03-27), none of them having posted in the 15 minutes before. The other two
    /// (Thu 14:53, Fri 16:44) are inside hours. "&lt;@U0BMS113R&gt;: ^" says nothing but the
    /// mention: missing-context. Nothing else fires: no urgency words, no call proposals, no
    /// broadcasts, no runs of four short messages.
    /// </summary>
    private static readonly (string Rule, string Channel, string Ts, string User)[] SampleFindings =
    [
        ("after-hours-ping", "C0JGLMMNX", "1452837352.000006", "U0BMQB6JE"), // Thu 2016-01-14 21:55 PST
        ("after-hours-ping", "C0JGLMMNX", "1452988121.000015", "U0BMQB6JE"), // Sat 15:48
        ("after-hours-ping", "C0JGLMMNX", "1454884927.000002", "U0BMQB6JE"), // Sun 2016-02-07 14:42
        ("after-hours-ping", "C0JGLMMNX", "1454894941.000009", "U0BMQB6JE"),
        ("after-hours-ping", "C0JGLMMNX", "1454904194.000014", "U0BMQB6JE"),
        ("after-hours-ping", "C0JGLMMNX", "1454904510.000016", "U0BMQB6JE"),
        ("after-hours-ping", "C0JGLMMNX", "1454905089.000017", "U0BMQB6JE"),
        ("after-hours-ping", "C0JGLMMNX", "1454908476.000020", "U0BMQB6JE"),
        ("after-hours-ping", "C0JGLMMNX", "1458208082.000002", "U0BMQB6JE"), // Thu 2016-03-17 02:48 PDT
        ("after-hours-ping", "C0JL6CGQ2", "1458972992.000011", "U0BMQB6JE"), // Fri 2016-03-25 23:16 PDT
        ("missing-context", "C0JL6CGQ2", "1458972992.000011", "U0BMQB6JE"),  // "<@U0BMS113R>: ^"
        ("after-hours-ping", "C0JL6CGQ2", "1459141841.000022", "U0BMQB6JE"), // Sun 2016-03-27 22:10 PDT
        ("after-hours-ping", "C0JL6CGQ2", "1459144313.000024", "U0BMQB6JE"), // Sun 22:51
    ];

    [Test]
    public async Task Real_2016_sample_yields_the_after_hours_mentions_and_the_bare_ping()
    {
        var result = await AuditRun.RunAsync(SampleFolder, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        var findings = lines.Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var f = doc.RootElement;
            return (f.GetProperty("rule").GetString(), f.GetProperty("channel").GetString(), f.GetProperty("ts").GetString(), f.GetProperty("user").GetString());
        });
        Assert.That(findings, Is.EquivalentTo(SampleFindings));
    }

    [Test]
    public async Task Real_2016_sample_zip_jsonl_lines_start_with_ids_and_export_ts_exactly()
    {
        var result = await AuditRun.RunAsync(ExportBuilder.FixturePath("hfaran-slack-export-viewer", "testarchive.zip"), "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.StartWith(
            "{\"rule\":\"after-hours-ping\",\"channel\":\"C0JGLMMNX\",\"ts\":\"1452837352.000006\",\"user\":\"U0BMQB6JE\""));
        Assert.That(result.Stdout.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(SampleFindings.Length));
    }

    [Test]
    public async Task Real_2016_sample_text_report_shows_the_sunday_evening_peak_in_pacific_time()
    {
        var result = await AuditRun.RunAsync(SampleFolder);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("Covered:  52 messages by 4 people in 2 conversations"));
        Assert.That(result.Stdout, Does.Match(@"after-hours-ping\s+12\s+23\.08"));
        // Sunday 2016-02-07 in Pacific time: 14:42, 17:29, 20:03, 20:08, 20:18, 21:14; 2016-03-27: 22:10, 22:51.
        Assert.That(result.Stdout, Does.Match(@"Sun(\s+\.){14}\s+1(\s+\.){2}\s+1(\s+\.){2}\s+3\s+1\s+2\s+\."));
        Assert.That(result.Stdout, Does.Contain("1. [fewer interruptions] Use scheduled send"));
    }

    [Test]
    public async Task Full_export_judges_dm_and_group_dm_recipients_in_their_own_time_zones()
    {
        using var export = FullExport.Build();

        var result = await AuditRun.RunAsync(export.Root, "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("channel").GetString()!, f => f);
        // 2019-04-30 15:36 UTC: 17:36 in Berlin (after 17:00) and 00:36 in Tokyo; the deactivated member is no recipient.
        Assert.That(findings["G9HBG2A5D"].GetProperty("recipients_off_hours").EnumerateArray().Select(r => r.GetProperty("user").GetString()),
            Is.EquivalentTo(new[] { "U061A5N1G", "U064KUGRJ" }));
        Assert.That(findings["DJ47BL849"].GetProperty("rule").GetString(), Is.EqualTo("after-hours-ping"));
        Assert.That(findings.Keys, Is.EquivalentTo(new[] { "G9HBG2A5D", "DJ47BL849" }));
    }

    [Test]
    public async Task A_recipient_who_just_posted_is_not_pinged_after_hours_even_when_listed_later_in_the_day_file()
    {
        // Ana's message is listed second but was posted 5 minutes before Ben's: read in ts order, she is visibly online.
        using var export = FullExport.Build().File("DJ47BL849/2019-04-30.json", """
            [
              {"type": "message", "user": "U061A1R2R", "text": "can you review PR 42 by Friday?", "ts": "1556640000.000100"},
              {"type": "message", "user": "U061A5N1G", "text": "still here, wrapping up the release notes", "ts": "1556639700.000000"}
            ]
            """);

        var result = await AuditRun.RunAsync(export.Root, "--format", "jsonl");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Not.Contain("DJ47BL849"));
    }

    [Test]
    public async Task Norms_working_hours_and_exempt_channels_change_the_findings()
    {
        using var export = FullExport.Build().File("norms.json", """
            {"working_hours": "08:00-20:00 mon-fri", "exempt_channels": ["G9HBG2A5D"], "broadcast_threshold": 10}
            """);

        var result = await AuditRun.RunAsync(export.Root, "--format", "jsonl", "--norms", Path.Combine(export.Root, "norms.json"));

        // Berlin 18:00 is inside 08:00–20:00, and the group DM is exempt: nothing left.
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task A_bare_greeting_with_no_follow_up_is_released_at_the_end_of_the_conversation()
    {
        using var export = FullExport.Build().File("general/2015-06-20.json", """
            [
              {"type": "message", "user": "U061A5N1G", "text": "<@U061A1R2R> hi", "ts": "1434790800.000100"},
              {"type": "message", "user": "U061A1R2R", "text": "<@U061A5N1G> hey", "ts": "1434790805.000200"},
              {"type": "message", "user": "U061A1R2R", "text": "what's the staging URL? I need it for the 3pm demo", "ts": "1434790830.000300"}
            ]
            """);

        var result = await AuditRun.RunAsync(export.Root, "--format", "jsonl");

        // Ben's greeting is followed within 60 s by his real question; Ana's never is.
        Assert.That(result.Stdout, Does.Contain("{\"rule\":\"missing-context\",\"channel\":\"C0GENERAL\",\"ts\":\"1434790800.000100\",\"user\":\"U061A5N1G\""));
        Assert.That(result.Stdout, Does.Not.Contain("1434790805.000200"));
    }
}
