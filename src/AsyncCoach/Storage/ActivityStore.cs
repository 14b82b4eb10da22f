using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage;

/// <summary>One (team, UTC hour, channel kind) counter's increments.</summary>
public sealed record ActivityDelta(string TeamId, DateTimeOffset Hour, string Kind, int Messages, int AfterHours);

/// <summary>One UTC hour's counters (all channel kinds), as the digest reads them.</summary>
public sealed record ActivityHour(DateTimeOffset Hour, long Messages, long AfterHours);

/// <summary>Distinct authors in one UTC hour, of every message or of after-hours ones.</summary>
public sealed record ActivityHourAuthor(DateTimeOffset Hour, string AuthorId);

/// <summary>
/// SQL for the hourly activity counters (<c>activity_counters</c>, no person named) and the
/// short-lived who-wrote-when rows (<c>activity_people</c>) the privacy floor's distinct counts
/// need. Written once per inbox round, inside its transaction.
/// </summary>
public sealed class ActivityStore(SqliteDatabase database)
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
    public static void Add(
        SqliteConnection connection, DbTransaction transaction, IEnumerable<ActivityDelta> deltas, IEnumerable<(string TeamId, DateTimeOffset Hour, string AuthorId)> people)
    {
        using (var lease = PreparedCommands.Rent(connection, transaction, UpsertSql, p => Define(p, "@TeamId", "@Hour", "@Kind", "@Messages", "@AfterHours")))
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

        using (var lease = PreparedCommands.Rent(connection, transaction, PersonSql, p => Define(p, "@TeamId", "@Hour", "@AuthorId")))
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

    private const string HoursSql = """
        SELECT hour AS Hour, SUM(messages) AS Messages, SUM(after_hours) AS AfterHours
        FROM activity_counters
        WHERE team_id = @TeamId AND hour >= @From AND hour < @To
        GROUP BY hour
        """;

    private const string PeopleSql = """
        SELECT hour AS Hour, author_id AS AuthorId
        FROM activity_people
        WHERE team_id = @TeamId AND hour >= @From AND hour < @To
        """;

    // after-hours-ping findings are the after-hours messages (AfterHoursReach); by hour, to be
    // placed like the counters. Uses ix_findings_team_at.
    private const string AfterHoursAuthorsSql = """
        SELECT DISTINCT substr(at, 1, 13) || ':00:00.0000000Z' AS Hour, author_id AS AuthorId
        FROM findings
        WHERE team_id = @TeamId AND at >= @From AND at < @To AND rule_id = 'after-hours-ping'
        """;

    // Uses ix_findings_author (team_id, author_id, at).
    private const string ReachedSql = """
        SELECT COUNT(DISTINCT json_extract(r.value, '$.user'))
        FROM findings f, json_each(f.recipients_json) r
        WHERE f.team_id = @TeamId AND f.author_id = @AuthorId AND f.at >= @From AND f.at < @To AND f.rule_id = 'after-hours-ping'
        """;

    /// <summary>
    /// The counters of the UTC hours starting in [<paramref name="from"/>, <paramref name="to"/>),
    /// the distinct (hour, author) pairs of all messages and of after-hours ones, and how many
    /// distinct people <paramref name="leadId"/> reached outside their hours in each of
    /// <paramref name="leadWeeks"/> (newest first).
    /// </summary>
    public async Task<ActivityCounts> ReadAsync(
        string teamId, string leadId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> leadWeeks, CancellationToken cancellationToken)
    {
        var range = new HourRange(teamId, from, to);
        await using var connection = await database.OpenAsync(cancellationToken);
        var hours = (await connection.QueryAsync<ActivityHour>(HoursSql, range)).AsList();
        var people = (await connection.QueryAsync<ActivityHourAuthor>(PeopleSql, range)).AsList();
        var afterHours = (await connection.QueryAsync<ActivityHourAuthor>(AfterHoursAuthorsSql, range)).AsList();
        var reached = new List<long>(leadWeeks.Count);
        foreach (var (weekFrom, weekTo) in leadWeeks)
        {
            reached.Add(await connection.ExecuteScalarAsync<long>(ReachedSql, new LeadRange(teamId, leadId, weekFrom, weekTo)));
        }

        return new ActivityCounts(hours, people, afterHours, reached);
    }

    /// <summary>Parameters of the hour-range queries (named types for Dapper.AOT).</summary>
    internal sealed record HourRange(string TeamId, DateTimeOffset From, DateTimeOffset To);

    internal sealed record LeadRange(string TeamId, string AuthorId, DateTimeOffset From, DateTimeOffset To);
}

/// <summary>What <see cref="ActivityStore.ReadAsync"/> found.</summary>
public sealed record ActivityCounts(
    IReadOnlyList<ActivityHour> Hours, IReadOnlyList<ActivityHourAuthor> People, IReadOnlyList<ActivityHourAuthor> AfterHoursPeople, IReadOnlyList<long> LeadReached);
