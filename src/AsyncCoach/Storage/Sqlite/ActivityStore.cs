using System.Text.Json;
using AsyncCoach.Core.Digests;
using AsyncCoach.Pipeline;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// SQL for the hourly activity counters (<c>activity_counters</c>, no person named) and the
/// short-lived who-wrote-when rows (<c>activity_people</c>) the privacy floor's distinct counts
/// need. Written once per inbox round, inside its transaction.
/// </summary>
public sealed class ActivityStore(SqliteDatabase database) : IActivityStore
{
    private const string UpsertSql = """
        INSERT INTO activity_counters (team_id, hour, kind, messages, after_hours)
        VALUES (@TeamId, @Hour, @Kind, @Messages, @AfterHours)
        ON CONFLICT (team_id, hour, kind) DO UPDATE SET
            messages = messages + excluded.messages,
            after_hours = after_hours + excluded.after_hours
        """;

    private const string PersonSql = """
        INSERT INTO activity_people (team_id, hour, author_id) VALUES (@TeamId, @Hour, @AuthorId)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Adds a round's counts and who-wrote-when rows inside the caller's transaction.</summary>
    public void Add(
        IStorageTransaction transaction, IEnumerable<ActivityDelta> deltas, IEnumerable<(string TeamId, DateTimeOffset Hour, string AuthorId)> people)
    {
        var write = SqliteWrite.Of(transaction);
        var (connection, sqliteTransaction) = (write.Connection, write.Transaction);
        using (var lease = PreparedCommands.Rent(connection, sqliteTransaction, UpsertSql, p => Define(p, "@TeamId", "@Hour", "@Kind", "@Messages", "@AfterHours")))
        {
            var p = lease.Command.Parameters;
            foreach (var d in deltas)
            {
                p[0].Value = d.TeamId;
                p[1].Value = StoredInstant.Format(d.Hour);
                p[2].Value = d.Kind;
                p[3].Value = d.Messages;
                p[4].Value = d.AfterHours;
                lease.Command.ExecuteNonQuery();
            }
        }

        using (var lease = PreparedCommands.Rent(connection, sqliteTransaction, PersonSql, p => Define(p, "@TeamId", "@Hour", "@AuthorId")))
        {
            var p = lease.Command.Parameters;
            foreach (var (team, hour, author) in people)
            {
                p[0].Value = team;
                p[1].Value = StoredInstant.Format(hour);
                p[2].Value = author;
                lease.Command.ExecuteNonQuery();
            }
        }
    }

    private static void Define(SqliteParameterCollection parameters, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            parameters.Add(name, name is "@Messages" or "@AfterHours" ? SqliteType.Integer : SqliteType.Text);
        }
    }

    // Bounds are hour bounds (ActivityClock.FirstHour), so a counter's hour and a finding's instant
    // compare with the same text. Findings use ix_findings_team_rule_at; after-hours-ping findings are
    // the after-hours messages (AfterHoursReach). Distinct people are counted up to @Cap (the largest
    // privacy floor): DISTINCT with LIMIT stops reading once @Cap are found.
    private const string WeekSql = """
        SELECT c.Messages, c.AfterHours,
               (SELECT COUNT(*) FROM (SELECT DISTINCT author_id FROM activity_people
                WHERE team_id = @TeamId AND hour >= @From AND hour < @To LIMIT @Cap)) AS People,
               (SELECT COUNT(*) FROM (SELECT DISTINCT author_id FROM findings
                WHERE team_id = @TeamId AND rule_id = 'after-hours-ping' AND at >= @From AND at < @To LIMIT @Cap)) AS AfterHoursPeople
        FROM (SELECT COALESCE(SUM(messages), 0) AS Messages, COALESCE(SUM(after_hours), 0) AS AfterHours
              FROM activity_counters WHERE team_id = @TeamId AND hour >= @From AND hour < @To) c
        """;

    private const string SlotsSql = """
        WITH b AS (SELECT key AS Slot, value AS Lo, lead(value) OVER (ORDER BY key) AS Hi FROM json_each(@Bounds))
        SELECT b.Slot AS Slot, SUM(c.messages) AS Messages, SUM(c.after_hours) AS AfterHours,
               (SELECT COUNT(*) FROM (SELECT DISTINCT f.author_id FROM findings f
                WHERE f.team_id = @TeamId AND f.rule_id = 'after-hours-ping' AND f.at >= b.Lo AND f.at < b.Hi LIMIT @Cap)) AS AfterHoursPeople
        FROM b JOIN activity_counters c ON c.team_id = @TeamId AND c.hour >= b.Lo AND c.hour < b.Hi
        WHERE b.Hi IS NOT NULL
        GROUP BY b.Slot
        ORDER BY b.Slot
        """;

    // Uses ix_findings_author (team_id, author_id, at).
    private const string ReachedSql = """
        SELECT COUNT(DISTINCT json_extract(r.value, '$.user'))
        FROM findings f, json_each(f.recipients_json) r
        WHERE f.team_id = @TeamId AND f.author_id = @AuthorId AND f.at >= @From AND f.at < @To AND f.rule_id = 'after-hours-ping'
        """;

    /// <summary>
    /// The activity of each of <paramref name="weeks"/> (hour bounds, newest first), of the slots
    /// between <paramref name="slotBounds"/> (hour bounds), with distinct people counted up to
    /// <see cref="DigestInput.LargestMinGroup"/>, and how many distinct people
    /// <paramref name="leadId"/> reached outside their hours in each of <paramref name="leadWeeks"/>.
    /// </summary>
    public async Task<ActivityCounts> ReadAsync(
        string teamId,
        string leadId,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> weeks,
        IReadOnlyList<DateTimeOffset> slotBounds,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> leadWeeks,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ActivityReads.ReadAsync(
            weeks,
            leadWeeks,
            (from, to) => connection.QuerySingleAsync<ActivityWeekCount>(WeekSql, new HourRange(teamId, from, to, DigestInput.LargestMinGroup)),
            async () =>
            {
                var bounds = JsonSerializer.Serialize(slotBounds.Select(StoredInstant.Format).ToList(), StorageJsonContext.Default.ListString);
                return (await connection.QueryAsync<ActivitySlotCount>(SlotsSql, new SlotBounds(teamId, bounds, DigestInput.LargestMinGroup))).AsList();
            },
            (from, to) => connection.ExecuteScalarAsync<long>(ReachedSql, new LeadRange(teamId, leadId, from, to)));
    }

    /// <summary>Parameters of the queries (named types for Dapper.AOT).</summary>
    internal sealed record HourRange(string TeamId, DateTimeOffset From, DateTimeOffset To, int Cap);

    internal sealed record SlotBounds(string TeamId, string Bounds, int Cap);

    internal sealed record LeadRange(string TeamId, string AuthorId, DateTimeOffset From, DateTimeOffset To);
}
