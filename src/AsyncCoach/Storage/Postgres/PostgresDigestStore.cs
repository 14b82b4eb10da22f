using System.Text.Json;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The digest's aggregate queries (<see cref="IDigestStore"/>) on PostgreSQL: counts and
/// distinct-people counts only. The lead's channels arrive as a JSON array and are passed as a
/// <c>text[]</c> (null: every channel).
/// </summary>
public sealed class PostgresDigestStore(PostgresDatabase database) : IDigestStore
{
    // One pass over the team's four weeks of ix_findings_team_rule_at, bucketed by week.
    private const string RuleWeeksSql = """
        WITH weeks (weeks_ago, lo, hi) AS (VALUES (0::bigint, @W0, @End), (1, @W1, @W0), (2, @W2, @W1), (3, @W3, @W2))
        SELECT f.rule_id, w.weeks_ago, COUNT(*), COUNT(DISTINCT f.author_id)
        FROM findings f JOIN weeks w ON f.at >= w.lo AND f.at < w.hi
        WHERE f.team_id = @TeamId AND f.at >= @W3 AND f.at < @End
          AND (@Channels IS NULL OR f.channel_id = ANY (@Channels))
        GROUP BY f.rule_id, w.weeks_ago
        ORDER BY f.rule_id, w.weeks_ago
        """;

    private const string NudgesSql = """
        SELECT r.rule_id,
               COUNT(*),
               COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')),
               COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful')),
               COUNT(DISTINCT n.author_id)
        FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
        WHERE n.team_id = @TeamId AND n.kind = 'nudge' AND n.state = 'sent' AND n.sent_at >= @W0 AND n.sent_at < @End
          AND (@Channels IS NULL OR n.channel_id = ANY (@Channels))
        GROUP BY r.rule_id
        ORDER BY r.rule_id
        """;

    private const string LeadSql = """
        SELECT CASE WHEN at >= @W0 THEN 0::bigint ELSE 1::bigint END AS weeks_ago,
               COUNT(*) FILTER (WHERE rule_id = 'after-hours-ping'),
               COUNT(*) FILTER (WHERE rule_id = 'huddle-instead-of-thread'),
               COUNT(*),
               0::bigint, 0::bigint, 0::bigint
        FROM findings
        WHERE team_id = @TeamId AND author_id = @LeadId AND at >= @W1 AND at < @End
        GROUP BY 1
        UNION ALL
        SELECT CASE WHEN n.sent_at >= @W0 THEN 0::bigint ELSE 1::bigint END, 0::bigint, 0::bigint, 0::bigint,
               COUNT(*),
               COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')),
               COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful'))
        FROM nudges n
        WHERE n.team_id = @TeamId AND n.author_id = @LeadId AND n.kind = 'nudge' AND n.state = 'sent' AND n.sent_at >= @W1 AND n.sent_at < @End
        GROUP BY 1
        """;

    private const string SinceSql = "SELECT MIN(at) FROM findings WHERE team_id = @TeamId";

    public async Task<DigestCounts> ReadAsync(
        string teamId, string leadId, IReadOnlyList<DateTimeOffset> weekStarts, DateTimeOffset end, string? channelsJson, CancellationToken cancellationToken)
    {
        var channels = channelsJson is null ? null : JsonSerializer.Deserialize(channelsJson, StorageJsonContext.Default.ListString)?.ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        NpgsqlCommand Weeks(string sql) => Pg.Command(connection, sql)
            .With("TeamId", teamId).With("LeadId", leadId).WithInstant("W0", weekStarts[0]).WithInstant("W1", weekStarts[1])
            .WithInstant("W2", weekStarts[2]).WithInstant("W3", weekStarts[3]).WithInstant("End", end).WithTextArray("Channels", channels);

        var rules = new List<RuleWeekCount>();
        await using (var command = Weeks(RuleWeeksSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rules.Add(new RuleWeekCount(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        var nudges = new List<RuleNudgeCount>();
        await using (var command = Weeks(NudgesSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                nudges.Add(new RuleNudgeCount(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        var lead = new List<LeadCount>();
        await using (var command = Weeks(LeadSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lead.Add(new LeadCount(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
            }
        }

        await using var since = Pg.Command(connection, SinceSql).With("TeamId", teamId);
        return new DigestCounts(rules, nudges, lead, await since.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
    }
}
