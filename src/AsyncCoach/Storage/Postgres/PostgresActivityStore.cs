using AsyncCoach.Pipeline;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The hourly activity counters (no person named) and the short-lived who-wrote-when rows on
/// PostgreSQL, written once per round inside its transaction: one statement for the counters and
/// one for the people, whatever the round's size.
/// </summary>
public sealed class PostgresActivityStore(PostgresDatabase database) : IActivityStore
{
    // Several instances may add to one counter at once: the upsert adds, it never overwrites.
    private const string UpsertSql = """
        INSERT INTO activity_counters (team_id, hour, kind, messages, after_hours)
        SELECT * FROM unnest(@Teams, @Hours, @Kinds, @Messages, @AfterHours)
        ON CONFLICT (team_id, hour, kind) DO UPDATE SET
            messages = activity_counters.messages + excluded.messages,
            after_hours = activity_counters.after_hours + excluded.after_hours
        """;

    private const string PeopleSql = """
        INSERT INTO activity_people (team_id, hour, author_id)
        SELECT * FROM unnest(@Teams, @Hours, @Authors)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Synchronous, as the interface asks (the processor's thread, inside the round).</summary>
    public void Add(
        IStorageTransaction transaction, IEnumerable<ActivityDelta> deltas, IEnumerable<(string TeamId, DateTimeOffset Hour, string AuthorId)> people)
    {
        var postgres = PostgresTransaction.From(transaction);

        // One row per key: ON CONFLICT DO UPDATE refuses to touch a row twice in one statement.
        var counters = deltas
            .GroupBy(d => (d.TeamId, Hour: d.Hour.ToUniversalTime(), d.Kind))
            .Select(g => (g.Key, Messages: g.Sum(d => (long)d.Messages), AfterHours: g.Sum(d => (long)d.AfterHours)))
            .ToArray();
        if (counters.Length > 0)
        {
            using var command = postgres.Command(UpsertSql)
                .With("Teams", counters.Select(c => c.Key.TeamId).ToArray())
                .With("Hours", counters.Select(c => c.Key.Hour).ToArray())
                .With("Kinds", counters.Select(c => c.Key.Kind).ToArray())
                .With("Messages", counters.Select(c => c.Messages).ToArray())
                .With("AfterHours", counters.Select(c => c.AfterHours).ToArray());
            command.ExecuteNonQuery();
        }

        var authors = people.Select(p => (p.TeamId, Hour: p.Hour.ToUniversalTime(), p.AuthorId)).Distinct().ToArray();
        if (authors.Length > 0)
        {
            using var command = postgres.Command(PeopleSql)
                .With("Teams", authors.Select(p => p.TeamId).ToArray())
                .With("Hours", authors.Select(p => p.Hour).ToArray())
                .With("Authors", authors.Select(p => p.AuthorId).ToArray());
            command.ExecuteNonQuery();
        }
    }

    // Bounds are hour bounds; after-hours-ping findings are the after-hours messages (AfterHoursReach).
    private const string WeekSql = """
        SELECT (SELECT coalesce(sum(messages), 0)::bigint FROM activity_counters WHERE team_id = @TeamId AND hour >= @From AND hour < @To),
               (SELECT coalesce(sum(after_hours), 0)::bigint FROM activity_counters WHERE team_id = @TeamId AND hour >= @From AND hour < @To),
               (SELECT count(DISTINCT author_id) FROM activity_people WHERE team_id = @TeamId AND hour >= @From AND hour < @To),
               (SELECT count(DISTINCT author_id) FROM findings
                WHERE team_id = @TeamId AND at >= @From AND at < @To AND rule_id = 'after-hours-ping')
        """;

    // Slot i runs from bound i to bound i+1 (ordinality is 1-based, slots are 0-based).
    private const string SlotsSql = """
        WITH b AS (
            SELECT n - 1 AS slot, lo, lead(lo) OVER (ORDER BY n) AS hi
            FROM unnest(@Bounds) WITH ORDINALITY AS u(lo, n))
        SELECT b.slot, sum(c.messages)::bigint, sum(c.after_hours)::bigint,
               (SELECT count(DISTINCT f.author_id) FROM findings f
                WHERE f.team_id = @TeamId AND f.at >= b.lo AND f.at < b.hi AND f.rule_id = 'after-hours-ping')
        FROM b JOIN activity_counters c ON c.team_id = @TeamId AND c.hour >= b.lo AND c.hour < b.hi
        WHERE b.hi IS NOT NULL
        GROUP BY b.slot, b.lo, b.hi
        ORDER BY b.slot
        """;

    private const string ReachedSql = """
        SELECT count(DISTINCT r.value ->> 'user')
        FROM findings f, jsonb_array_elements(f.recipients_json::jsonb) r
        WHERE f.team_id = @TeamId AND f.author_id = @AuthorId AND f.at >= @From AND f.at < @To AND f.rule_id = 'after-hours-ping'
        """;

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
            async (from, to) =>
            {
                await using var command = Pg.Command(connection, WeekSql).With("TeamId", teamId).WithInstant("From", from).WithInstant("To", to);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new ActivityWeekCount(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            },
            async () =>
            {
                var slots = new List<ActivitySlotCount>();
                await using var command = Pg.Command(connection, SlotsSql)
                    .With("TeamId", teamId).With("Bounds", slotBounds.Select(b => b.ToUniversalTime()).ToArray());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    slots.Add(new ActivitySlotCount(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
                }

                return slots;
            },
            async (from, to) =>
            {
                await using var command = Pg.Command(connection, ReachedSql)
                    .With("TeamId", teamId).With("AuthorId", leadId).WithInstant("From", from).WithInstant("To", to);
                return await command.ExecuteScalarAsync(cancellationToken) is long count ? count : 0;
            });
    }
}
