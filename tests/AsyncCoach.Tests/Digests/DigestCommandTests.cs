using System.Text.Json;
using AsyncCoach.Cli;
using AsyncCoach.Core.Rules;
using AsyncCoach.Tests.Audit;

namespace AsyncCoach.Tests.Digests;

/// <summary>The offline <c>digest</c> verb over a generated export, checked against <c>audit</c> over the same weeks.</summary>
public sealed class DigestCommandTests
{
    private static ExportBuilder export = null!;

    [OneTimeSetUp]
    public static void MakeExport() => export = DigestExport.Build();

    [OneTimeTearDown]
    public static void DeleteExport() => export.Dispose();

    private static async Task<AuditResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DigestCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new AuditResult(code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<JsonElement> JsonAsync(params string[] args)
    {
        var result = await RunAsync([export.Root, "--format", "json", .. args]);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static async Task<Dictionary<string, int>> AuditRulesAsync(string from, string to)
    {
        var audit = await AuditRun.RunAsync(export.Root, "--format", "json", "--from", from, "--to", to);
        Assert.That(audit.ExitCode, Is.Zero, audit.Stderr);
        using var json = JsonDocument.Parse(audit.Stdout);
        return json.RootElement.GetProperty("summary").GetProperty("rules").EnumerateObject()
            .ToDictionary(r => r.Name, r => r.Value.GetProperty("findings").GetInt32(), StringComparer.Ordinal);
    }

    [Test]
    public async Task Its_counts_are_what_audit_finds_in_the_same_weeks()
    {
        var digest = await JsonAsync("--week", "2026-03-09", "--tz", "Europe/Berlin", "--min-group", "3");
        var thisWeek = await AuditRulesAsync("2026-03-09T00:00:00+01:00", "2026-03-16T00:00:00+01:00");
        var lastWeek = await AuditRulesAsync("2026-03-02T00:00:00+01:00", "2026-03-09T00:00:00+01:00");

        var rules = digest.GetProperty("rules").EnumerateArray().ToList();
        var shown = rules.Where(r => r.GetProperty("shown").GetBoolean()).ToList();
        var folded = rules.Where(r => !r.GetProperty("shown").GetBoolean()).Select(r => r.GetProperty("rule").GetString()!).ToList();
        Assert.That(shown.Select(r => r.GetProperty("rule").GetString()), Is.SupersetOf(new[] { RuleIds.VagueUrgency, RuleIds.MissingContext }));
        Assert.That(folded, Does.Contain(RuleIds.BroadcastOveruse).And.Contain(RuleIds.AfterHoursPing), "one person each");
        foreach (var rule in shown)
        {
            var id = rule.GetProperty("rule").GetString()!;
            Assert.That(rule.GetProperty("this_week").GetInt32(), Is.EqualTo(thisWeek[id]), id);
            Assert.That(rule.GetProperty("last_week").GetInt32(), Is.EqualTo(lastWeek[id]), id);
            Assert.That(rule.GetProperty("this_week").GetInt32(), Is.Positive);
        }

        Assert.That(digest.GetProperty("other").GetProperty("this_week").GetInt32(), Is.EqualTo(folded.Sum(r => thisWeek.GetValueOrDefault(r))).And.Positive);
        Assert.That(digest.GetProperty("totals").GetProperty("this_week").GetInt32(), Is.EqualTo(thisWeek.Values.Sum()));
    }

    [Test]
    public async Task The_json_has_the_documented_shape()
    {
        var digest = await JsonAsync("--week", "2026-03-09", "--tz", "Europe/Berlin");

        Assert.That(digest.GetProperty("week_start").GetString(), Is.EqualTo("2026-03-09T00:00:00+01:00"));
        Assert.That(digest.GetProperty("week_end").GetString(), Is.EqualTo("2026-03-16T00:00:00+01:00"));
        Assert.That(digest.GetProperty("min_group").GetInt32(), Is.EqualTo(5));
        var rules = digest.GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("rule").GetString()), Is.EqualTo(RuleIds.All));
        var vague = rules.Single(r => r.GetProperty("rule").GetString() == RuleIds.VagueUrgency);
        Assert.That(vague.GetProperty("shown").GetBoolean(), Is.True);
        Assert.That(vague.GetProperty("people").GetInt32(), Is.EqualTo(8));
        Assert.That(vague.GetProperty("trend").GetArrayLength(), Is.EqualTo(4));
        var missing = rules.Single(r => r.GetProperty("rule").GetString() == RuleIds.MissingContext);
        Assert.That(missing.GetProperty("shown").GetBoolean(), Is.False, "three people said a bare hi: below the floor of 5");
        Assert.That(missing.GetProperty("this_week").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(digest.GetProperty("other").GetProperty("this_week").GetInt32(), Is.Positive);
    }

    [Test]
    public async Task Weeks_follow_the_leads_zone()
    {
        var utc = await JsonAsync("--week", "2026-03-09");
        var kathmandu = await JsonAsync("--week", "2026-03-09", "--tz", "Asia/Kathmandu");

        Assert.That(utc.GetProperty("week_start").GetString(), Is.EqualTo("2026-03-09T00:00:00+00:00"));
        Assert.That(kathmandu.GetProperty("week_start").GetString(), Is.EqualTo("2026-03-09T00:00:00+05:45"));
    }

    [Test]
    public async Task The_text_digest_has_the_leads_own_section_only_with_lead()
    {
        var withLead = await RunAsync(export.Root, "--week", "2026-03-09", "--tz", "Europe/Berlin", "--lead", DigestExport.Lead);
        var without = await RunAsync(export.Root, "--week", "2026-03-09", "--tz", "Europe/Berlin");

        Assert.That(withLead.ExitCode, Is.Zero, withLead.Stderr);
        Assert.That(withLead.Stdout, Does.StartWith("Your team's week, Mar 9 – Mar 15, 2026"));
        Assert.That(withLead.Stdout, Does.Contain("Your own week (only you see this)").And.Contain("After-hours pings: 1 (last week 1), reaching 1 person outside their hours."));
        Assert.That(withLead.Stdout, Does.Contain("No one is named or ranked"));
        Assert.That(without.Stdout, Does.Not.Contain("Your own week"));
        foreach (var person in Enumerable.Range(0, 25).Select(i => $"U{i:D4}"))
        {
            Assert.That(without.Stdout, Does.Not.Contain(person), "nobody is named");
        }
    }

    [Test]
    public async Task Channels_narrow_the_digest_by_name_or_id()
    {
        var all = await JsonAsync("--week", "2026-03-09", "--min-group", "3");
        var eng = await JsonAsync("--week", "2026-03-09", "--min-group", "3", "--channels", "eng");
        var byId = await JsonAsync("--week", "2026-03-09", "--min-group", "3", "--channels", "C0ENG0001");

        int Total(JsonElement digest) => digest.GetProperty("totals").GetProperty("this_week").GetInt32();
        Assert.That(Total(eng), Is.EqualTo(15), "three bare greetings on each of five days");
        Assert.That(Total(byId), Is.EqualTo(Total(eng)));
        Assert.That(Total(all), Is.GreaterThan(Total(eng)));
    }

    [Test]
    public async Task Without_week_it_describes_the_week_of_the_exports_last_day()
    {
        var digest = await JsonAsync();

        Assert.That(digest.GetProperty("week_start").GetString(), Is.EqualTo("2026-03-09T00:00:00+00:00"));
    }

    [Test]
    public async Task The_first_week_of_an_export_is_a_new_team()
    {
        var digest = await JsonAsync("--week", "2026-02-09");

        Assert.That(digest.GetProperty("kind").GetString(), Is.EqualTo("new_team"));
        Assert.That(digest.GetProperty("totals").GetProperty("last_week").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Help_is_generated_and_lists_every_option()
    {
        var result = await RunAsync("--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Stdout, Does.Contain("--week").And.Contain("--tz").And.Contain("--lead").And.Contain("--channels").And.Contain("--format").And.Contain("--min-group"));
    }

    private static IEnumerable<TestCaseData> BadInput()
    {
        yield return new TestCaseData(new[] { "{missing}" }, "no such file").SetName("A missing export is named");
        yield return new TestCaseData(new[] { "{export}", "--week", "2026-03-10" }, "is a Tuesday").SetName("A week that does not start on Monday");
        yield return new TestCaseData(new[] { "{export}", "--week", "last-week" }, "--week expects a date").SetName("A week that is not a date");
        yield return new TestCaseData(new[] { "{export}", "--week", "2030-01-07" }, "the export covers 2026-02-09 to 2026-03-13").SetName("A week outside the export");
        yield return new TestCaseData(new[] { "{export}", "--tz", "Mars/Olympus" }, "unknown time zone \"Mars/Olympus\"").SetName("An unknown zone");
        yield return new TestCaseData(new[] { "{export}", "--lead", "ana" }, "is not a Slack user id").SetName("A lead that is not a user id");
        yield return new TestCaseData(new[] { "{export}", "--lead", "U9999" }, "--lead U9999: no such user").SetName("A lead not in the export");
        yield return new TestCaseData(new[] { "{export}", "--channels", "general,nope" }, "no channel \"nope\"").SetName("An unknown channel");
        yield return new TestCaseData(new[] { "{export}", "--format", "xml" }, "xml").SetName("An unknown format");
        yield return new TestCaseData(new[] { "{export}", "--min-group", "2" }, "at least 3").SetName("A privacy floor below three");
        yield return new TestCaseData(new[] { "{export}", "--colour" }, "--colour").SetName("An unknown option is named");
        yield return new TestCaseData(new[] { "{export}", "--week" }, "--week").SetName("A missing value is named");
        yield return new TestCaseData(Array.Empty<string>(), "export").SetName("No export at all");
    }

    [TestCaseSource(nameof(BadInput))]
    public async Task Bad_input_gives_one_line_and_exit_2(string[] args, string expected)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-export-{Guid.NewGuid():N}.zip");
        var result = await RunAsync([.. args.Select(a => a.Replace("{export}", export.Root, StringComparison.Ordinal).Replace("{missing}", missing, StringComparison.Ordinal))]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout);
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.StartWith("digest: ").And.Contain(expected));
        Assert.That(result.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }
}
