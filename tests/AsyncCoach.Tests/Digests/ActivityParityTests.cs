using System.Globalization;
using AsyncCoach.Cli;
using AsyncCoach.Core.Digests;
using AsyncCoach.Core.Norms;
using AsyncCoach.Digests;
using AsyncCoach.Storage;
using AsyncCoach.Tests.Audit;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCoach.Tests.Digests;

/// <summary>
/// The same messages, once as a Slack export read by the offline <c>digest</c> verb and once as
/// signed events through the live service: the same activity figures (weeks, slots, the lead's
/// people reached), because both count with <see cref="AfterHoursReach"/>.
/// </summary>
public sealed class ActivityParityTests
{
    private const string Team = "T0001";
    private const string Lead = "ULEAD";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly string[] People = ["UA1", "UA2", "UA3", "UA4", "UA5", "UTOKYO", "UBERLIN", Lead];

    // UTC times; the lead's week is Monday 9 March 2026 in Berlin (UTC+1).
    private static readonly (DateTimeOffset At, string User, string Text)[] Messages =
    [
        (At(3, 3, 21, 0), "UA4", "<@UBERLIN> can you review PR 42 tomorrow?"),
        (At(3, 5, 9, 0), "UA5", "thanks, that is all I needed for the planning doc today"),
        (At(3, 9, 8, 10), "UA1", "<@UTOKYO> could you check the Q3 numbers by Friday?"),
        (At(3, 9, 9, 0), "UA2", "thanks, that is all I needed for the planning doc today"),
        (At(3, 10, 21, 30), "UA3", "<@UBERLIN> can you review PR 42 tomorrow?"),
        (At(3, 10, 21, 40), "UA4", "<@UBERLIN> can you review PR 43 tomorrow?"),
        (At(3, 11, 10, 0), Lead, "<@UTOKYO> <@UBERLIN> can you review PR 44 tomorrow?"),
        (At(3, 12, 23, 0), Lead, "<@UBERLIN> <@UA1> can you review PR 45 tomorrow?"),
        (At(3, 13, 14, 0), "UA5", "<@UA1> could you check the Q4 numbers by Friday?"),
    ];

    [Test]
    public async Task The_live_counters_and_the_export_give_the_same_activity_for_the_same_messages()
    {
        var week = DigestWeek.Starting(new DateOnly(2026, 3, 9), Berlin);
        using var export = BuildExport();
        var (exported, _) = ExportDigest.Read(
            new ExportDigestRequest(export.Root, new DateOnly(2026, 3, 9), Berlin, Lead, [], 3, TeamNorms.Default), AuditCommand.DefaultAuditors, CancellationToken.None);

        await using var harness = await CommandHarness.StartAsync(now: Messages[0].At);
        foreach (var person in People)
        {
            harness.Directory.Add(person, person == "UTOKYO" ? "Asia/Tokyo" : "Europe/Berlin");
        }

        for (var i = 0; i < Messages.Length; i++)
        {
            var (at, user, text) = Messages[i];
            harness.Factory.Time.SetUtcNow(at);
            var body = Payloads.MessageEvent($"EvParity{i}", text: text, channel: "C0GENERAL", user: user, ts: Ts(at), team: Team);
            using var response = await harness.Client.SendAsync(harness.Factory.SignedRequest("/slack/events", body));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        await harness.Factory.Processed.WaitForAsync(Messages.Length);
        var live = await harness.Factory.Services.GetRequiredService<DigestComposer>()
            .InputAsync(DigestSetting.Default(Team, Lead, week.Start), Berlin, week, late: false, CancellationToken.None);

        Assert.That(exported.ActivityWeeks, Is.EqualTo(new[] { new ActivityWeek(0, 7, 6, 5, 4), new ActivityWeek(1, 2, 2, 1, 1) }), "the export, as written here");
        Assert.That(live.ActivityWeeks, Is.EqualTo(exported.ActivityWeeks));
        Assert.That(live.Activity, Is.EqualTo(exported.Activity));
        Assert.That(live.Lead!.ThisWeek.PeopleReachedAfterHours, Is.EqualTo(exported.Lead!.ThisWeek.PeopleReachedAfterHours).And.EqualTo(3));

        // The digest's findings counters, written by the service's rounds, add up to the findings they recorded.
        await using var connection = new SqliteConnection($"Data Source={harness.Factory.DatabasePath};Pooling=False");
        var recorded = (await connection.QueryAsync<(string, string, long)>(
            "SELECT channel_id, rule_id, COUNT(*) FROM findings GROUP BY 1, 2 UNION ALL SELECT '', rule_id, COUNT(*) FROM findings GROUP BY 2 ORDER BY 1, 2")).AsList();
        var counted = (await connection.QueryAsync<(string, string, long)>(
            "SELECT channel_id, rule_id, SUM(findings) FROM finding_counts GROUP BY 1, 2 ORDER BY 1, 2")).AsList();
        Assert.That(recorded, Is.Not.Empty);
        Assert.That(counted, Is.EqualTo(recorded));
    }

    private static ExportBuilder BuildExport()
    {
        var users = string.Join(",", People.Select(p =>
            $$"""{"id": "{{p}}", "team_id": "{{Team}}", "name": "{{p.ToLowerInvariant()}}", "tz": "{{(p == "UTOKYO" ? "Asia/Tokyo" : "Europe/Berlin")}}"}"""));
        var export = new ExportBuilder()
            .File("users.json", $"[{users}]")
            .File("channels.json", $$"""[{"id": "C0GENERAL", "name": "general", "members": [{{string.Join(",", People.Select(p => $"\"{p}\""))}}]}]""");
        foreach (var day in Messages.GroupBy(m => m.At.UtcDateTime.Date))
        {
            var lines = day.Select(m => $$"""{"type": "message", "user": "{{m.User}}", "text": "{{m.Text}}", "ts": "{{Ts(m.At)}}"}""");
            export.File($"general/{day.Key:yyyy-MM-dd}.json", "[\n" + string.Join(",\n", lines) + "\n]");
        }

        return export;
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string Ts(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeSeconds()}.000100");
}
