using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// The digest's aggregate queries: counts and distinct-people counts only, over one team's
/// findings and nudges, by week (Monday to Monday in the lead's zone, passed as instants).
/// Channels narrow the findings when the lead chose some (a JSON array; null for all).
/// </summary>
public sealed class DigestStore(SqliteDatabase database) : IDigestStore
{
    // Each (rule, week) is one range of ix_findings_team_rule_at (team_id, rule_id, at, author_id,
    // channel_id), counted without a sort; the team's rules come from the same index by a loose
    // index scan (one seek per rule), so a rule id the code does not know is still counted.
    private const string RuleWeeksSql = """
        WITH RECURSIVE rules(rule_id) AS (
            SELECT MIN(rule_id) FROM findings WHERE team_id = @TeamId
            UNION ALL
            SELECT (SELECT MIN(rule_id) FROM findings WHERE team_id = @TeamId AND rule_id > rules.rule_id) FROM rules WHERE rules.rule_id IS NOT NULL),
        weeks(WeeksAgo, Lo, Hi) AS (VALUES (0, @W0, @End), (1, @W1, @W0), (2, @W2, @W1), (3, @W3, @W2))
        SELECT r.rule_id AS RuleId, w.WeeksAgo AS WeeksAgo,
                   (SELECT COUNT(*) FROM findings f
                    WHERE f.team_id = @TeamId AND f.rule_id = r.rule_id AND f.at >= w.Lo AND f.at < w.Hi
                      AND (@Channels IS NULL OR f.channel_id IN (SELECT value FROM json_each(@Channels)))) AS Findings,
                   (SELECT COUNT(DISTINCT f.author_id) FROM findings f
                    WHERE f.team_id = @TeamId AND f.rule_id = r.rule_id AND f.at >= w.Lo AND f.at < w.Hi
                      AND (@Channels IS NULL OR f.channel_id IN (SELECT value FROM json_each(@Channels)))) AS People
        FROM rules r, weeks w
        WHERE r.rule_id IS NOT NULL
        """;

    private const string NudgesSql = """
        SELECT r.rule_id AS RuleId,
               COUNT(*) AS Delivered,
               SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')) AS Thanks,
               SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful')) AS NotHelpful,
               COUNT(DISTINCT n.author_id) AS People
        FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
        WHERE n.team_id = @TeamId AND n.kind = 'nudge' AND n.state = 'sent' AND n.sent_at >= @W0 AND n.sent_at < @End
          AND (@Channels IS NULL OR n.channel_id IN (SELECT value FROM json_each(@Channels)))
        GROUP BY r.rule_id
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
    /// three before (newest first); <paramref name="end"/> is this week's end.
    /// </summary>
    public async Task<DigestCounts> ReadAsync(
        string teamId, string leadId, IReadOnlyList<DateTimeOffset> weekStarts, DateTimeOffset end, string? channelsJson, CancellationToken cancellationToken)
    {
        var parameters = new Weeks(teamId, leadId, weekStarts[0], weekStarts[1], weekStarts[2], weekStarts[3], end, channelsJson);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rules = (await connection.QueryAsync<RuleWeekCount>(RuleWeeksSql, parameters)).Where(r => r.Findings > 0).ToList();
        var nudges = (await connection.QueryAsync<RuleNudgeCount>(NudgesSql, parameters)).AsList();
        var lead = (await connection.QueryAsync<LeadCount>(LeadSql, parameters)).AsList();
        var since = await connection.ExecuteScalarAsync<string?>(SinceSql, new { TeamId = teamId });
        return new DigestCounts(rules, nudges, lead, since is null ? null : StoredInstant.Parse(since));
    }

    /// <summary>The parameters of the digest's queries (a named type for Dapper.AOT).</summary>
    internal sealed record Weeks(
        string TeamId, string LeadId, DateTimeOffset W0, DateTimeOffset W1, DateTimeOffset W2, DateTimeOffset W3, DateTimeOffset End, string? Channels);
}
