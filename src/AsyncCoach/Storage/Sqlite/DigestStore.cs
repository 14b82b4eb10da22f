using System.Text.Json;
using AsyncCoach.Core.Digests;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// The digest's aggregate queries: counts and distinct-people counts only, over one team's
/// findings counters, findings and nudges, by week (Monday to Monday in the lead's zone, passed as instants).
/// Channels narrow the findings when the lead chose some (a JSON array; null for all).
/// </summary>
public sealed class DigestStore(SqliteDatabase database) : IDigestStore
{
    // The rules with a finding in the four weeks, from the team's total counters (migration 0022).
    private const string RulesSql = """
        SELECT DISTINCT rule_id FROM finding_counts WHERE team_id = @TeamId AND channel_id = '' AND hour >= @Lo AND hour < @Hi
        """;

    // A span's findings per rule from the hourly counters: hour-aligned bounds, one range of the
    // primary key per channel key ('' = the whole team, or the lead's channels).
    private const string CountsSql = """
        SELECT rule_id AS RuleId, SUM(findings) AS Count
        FROM finding_counts
        WHERE team_id = @TeamId AND channel_id IN (SELECT value FROM json_each(@Keys)) AND hour >= @Lo AND hour < @Hi
        GROUP BY rule_id
        """;

    // The part of an hour that a week boundary cuts (a 30/45-minute zone), recounted from findings:
    // one range of ix_findings_team_rule_at per rule.
    private const string RecountSql = """
        SELECT rule_id AS RuleId, COUNT(*) AS Count
        FROM findings INDEXED BY ix_findings_team_rule_at
        WHERE team_id = @TeamId AND rule_id IN (SELECT value FROM json_each(@Rules)) AND at >= @Lo AND at < @Hi
          AND (@Channels IS NULL OR channel_id IN (SELECT value FROM json_each(@Channels)))
        GROUP BY rule_id
        """;

    // A rule's distinct authors in a week, counted up to @Cap: DISTINCT with LIMIT stops reading the
    // range of ix_findings_team_rule_at (team_id, rule_id, at, author_id, channel_id) once @Cap
    // authors are found, so a busy rule of a big team reads a few hundred index entries, not its week.
    private const string PeopleSql = """
        SELECT COUNT(*) FROM (
            SELECT DISTINCT author_id FROM findings INDEXED BY ix_findings_team_rule_at
            WHERE team_id = @TeamId AND rule_id = @RuleId AND at >= @Lo AND at < @Hi
              AND (@Channels IS NULL OR channel_id IN (SELECT value FROM json_each(@Channels)))
            LIMIT @Cap)
        """;

    // This week's nudges per rule from the hourly counters (migration 0023, kept by triggers when a
    // nudge is sent and when its author answers), hour-aligned as the findings above.
    private const string NudgeCountsSql = """
        SELECT rule_id AS RuleId, SUM(delivered) AS Delivered, SUM(thanks) AS Thanks, SUM(not_helpful) AS NotHelpful, 0 AS People
        FROM nudge_counts
        WHERE team_id = @TeamId AND channel_id IN (SELECT value FROM json_each(@Keys)) AND hour >= @Lo AND hour < @Hi
        GROUP BY rule_id
        """;

    // The part of an hour that the week's boundary cuts, recounted from nudges.
    private const string NudgeRecountSql = """
        SELECT r.rule_id AS RuleId,
               COUNT(*) AS Delivered,
               SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')) AS Thanks,
               SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful')) AS NotHelpful,
               0 AS People
        FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
        WHERE n.team_id = @TeamId AND n.kind = 'nudge' AND n.state = 'sent' AND n.sent_at >= @Lo AND n.sent_at < @Hi
          AND (@Channels IS NULL OR n.channel_id IN (SELECT value FROM json_each(@Channels)))
        GROUP BY r.rule_id
        """;

    // A rule's distinct recipients this week, counted up to @Cap (ix_nudges_team_sent, stopping once found).
    private const string NudgePeopleSql = """
        SELECT COUNT(*) FROM (
            SELECT DISTINCT n.author_id FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
            WHERE n.team_id = @TeamId AND n.kind = 'nudge' AND n.state = 'sent' AND n.sent_at >= @Lo AND n.sent_at < @Hi AND r.rule_id = @RuleId
              AND (@Channels IS NULL OR n.channel_id IN (SELECT value FROM json_each(@Channels)))
            LIMIT @Cap)
        """;

    // The lead's nudges through ix_nudges_author (the unary + keeps the planner off the team's
    // ix_nudges_team_sent, which would read every nudge of the team's last two weeks).
    private const string LeadSql = """
        SELECT CASE WHEN at >= @W0 THEN 0 ELSE 1 END AS WeeksAgo,
               SUM(rule_id = 'after-hours-ping') AS AfterHoursPings,
               SUM(rule_id = 'huddle-instead-of-thread') AS CallsProposed,
               COUNT(*) AS Findings,
               0 AS NudgesDelivered, 0 AS Thanks, 0 AS NotHelpful
        FROM findings
        WHERE team_id = @TeamId AND author_id = @LeadId AND at >= @W1 AND at < @End
        GROUP BY WeeksAgo
        UNION ALL
        SELECT CASE WHEN n.sent_at >= @W0 THEN 0 ELSE 1 END AS WeeksAgo, 0, 0, 0,
               COUNT(*),
               SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')),
               SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful'))
        FROM nudges n
        WHERE n.team_id = @TeamId AND n.author_id = @LeadId AND n.kind = 'nudge' AND n.state = 'sent' AND +n.sent_at >= @W1 AND +n.sent_at < @End
        GROUP BY 1
        """;

    private const string SinceSql = "SELECT MIN(at) FROM findings WHERE team_id = @TeamId";

    /// <summary>
    /// The week's aggregates. <paramref name="weekStarts"/> are the starts of this week and the
    /// three before (newest first); <paramref name="end"/> is this week's end. Findings come from the
    /// hourly counters (migration 0022), never from a recount of the weeks: only the part of an hour
    /// that a week boundary cuts is read from findings. Distinct authors are counted up to
    /// <see cref="DigestInput.LargestMinGroup"/>.
    /// </summary>
    public async Task<DigestCounts> ReadAsync(
        string teamId, string leadId, IReadOnlyList<DateTimeOffset> weekStarts, DateTimeOffset end, string? channelsJson, CancellationToken cancellationToken)
    {
        var parameters = new Weeks(teamId, leadId, weekStarts[0], weekStarts[1], weekStarts[2], weekStarts[3], end, channelsJson);
        var keys = channelsJson ?? """[""]""";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rules = (await connection.QueryAsync<string>(RulesSql, new HourRange(teamId, FloorHour(weekStarts[^1]), CeilHour(end)))).AsList();
        var rulesJson = JsonSerializer.Serialize(rules, StorageJsonContext.Default.ListString);
        var counts = new Dictionary<(string Rule, int WeeksAgo), long>();
        for (var w = 0; w < weekStarts.Count; w++)
        {
            var (lo, hi) = (weekStarts[w], w == 0 ? end : weekStarts[w - 1]);
            var (alignedLo, alignedHi) = (CeilHour(lo), FloorHour(hi));
            await AddAsync(connection, CountsSql, new Span(teamId, keys, rulesJson, channelsJson, alignedLo, alignedHi), counts, w);
            await AddAsync(connection, RecountSql, new Span(teamId, keys, rulesJson, channelsJson, lo, alignedLo), counts, w);
            await AddAsync(connection, RecountSql, new Span(teamId, keys, rulesJson, channelsJson, alignedHi, hi), counts, w);
        }

        var ruleWeeks = new List<RuleWeekCount>(counts.Count);
        foreach (var ((rule, weeksAgo), findings) in counts.Where(c => c.Value > 0).OrderBy(c => c.Key.WeeksAgo))
        {
            var (lo, hi) = (weekStarts[weeksAgo], weeksAgo == 0 ? end : weekStarts[weeksAgo - 1]);
            var people = await connection.ExecuteScalarAsync<long>(
                PeopleSql, new RulePeople(teamId, rule, channelsJson, lo, hi, DigestInput.LargestMinGroup));
            ruleWeeks.Add(new RuleWeekCount(rule, weeksAgo, findings, people));
        }

        var nudges = await NudgesAsync(connection, new Span(teamId, keys, rulesJson, channelsJson, weekStarts[0], end));
        var lead = (await connection.QueryAsync<LeadCount>(LeadSql, parameters)).AsList();
        var since = await connection.ExecuteScalarAsync<string?>(SinceSql, new { TeamId = teamId });
        return new DigestCounts(ruleWeeks, nudges, lead, since is null ? null : StoredInstant.Parse(since));
    }

    private static async Task AddAsync(SqliteConnection connection, string sql, Span span, Dictionary<(string Rule, int WeeksAgo), long> counts, int weeksAgo)
    {
        if (span.Lo >= span.Hi)
        {
            return;
        }

        foreach (var row in await connection.QueryAsync<RuleTally>(sql, span))
        {
            counts[(row.RuleId, weeksAgo)] = counts.GetValueOrDefault((row.RuleId, weeksAgo)) + row.Count;
        }
    }

    private static async Task<List<RuleNudgeCount>> NudgesAsync(SqliteConnection connection, Span week)
    {
        var (alignedLo, alignedHi) = (CeilHour(week.Lo), FloorHour(week.Hi));
        var rows = new List<RuleNudgeCount>();
        foreach (var (sql, span) in new (string, Span)[]
        {
            (NudgeCountsSql, week with { Lo = alignedLo, Hi = alignedHi }), (NudgeRecountSql, week with { Hi = alignedLo }), (NudgeRecountSql, week with { Lo = alignedHi }),
        })
        {
            if (span.Lo < span.Hi)
            {
                rows.AddRange(await connection.QueryAsync<RuleNudgeCount>(sql, span));
            }
        }

        var nudges = new List<RuleNudgeCount>();
        foreach (var rule in rows.Where(r => r.Delivered > 0).GroupBy(r => r.RuleId, StringComparer.Ordinal))
        {
            var people = await connection.ExecuteScalarAsync<long>(
                NudgePeopleSql, new RulePeople(week.TeamId, rule.Key, week.Channels, week.Lo, week.Hi, DigestInput.LargestMinGroup));
            nudges.Add(new RuleNudgeCount(rule.Key, rule.Sum(r => r.Delivered), rule.Sum(r => r.Thanks), rule.Sum(r => r.NotHelpful), people));
        }

        return nudges;
    }

    private static DateTimeOffset FloorHour(DateTimeOffset t) => ActivityClock.HourOf(t);

    private static DateTimeOffset CeilHour(DateTimeOffset t) => FloorHour(t) == t ? t.ToUniversalTime() : FloorHour(t).AddHours(1);

    /// <summary>The parameters of the digest's queries (a named type for Dapper.AOT).</summary>
    internal sealed record Weeks(
        string TeamId, string LeadId, DateTimeOffset W0, DateTimeOffset W1, DateTimeOffset W2, DateTimeOffset W3, DateTimeOffset End, string? Channels);

    internal sealed record HourRange(string TeamId, DateTimeOffset Lo, DateTimeOffset Hi);

    internal sealed record Span(string TeamId, string Keys, string Rules, string? Channels, DateTimeOffset Lo, DateTimeOffset Hi);

    internal sealed record RulePeople(string TeamId, string RuleId, string? Channels, DateTimeOffset Lo, DateTimeOffset Hi, int Cap);

    internal sealed record RuleTally(string RuleId, long Count);
}
