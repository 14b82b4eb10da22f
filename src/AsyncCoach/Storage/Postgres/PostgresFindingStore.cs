using System.Text.Json;
using AsyncCoach.Core.Rules;

namespace AsyncCoach.Storage.Postgres;

/// <summary>The findings table on PostgreSQL. Evidence and recipients are JSON text; message text never is stored.</summary>
public sealed class PostgresFindingStore(PostgresDatabase database, TimeProvider time) : IFindingStore
{
    // One statement per call, however many findings: a round's findings arrive together.
    private const string InsertSql = """
        INSERT INTO findings (team_id, channel_id, message_ts, thread_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
        SELECT t, c, m, th, r, a, at, e, rc, @Now
        FROM unnest(@Teams, @Channels, @MessageTs, @ThreadTs, @Rules, @Authors, @Ats, @Evidence, @Recipients) AS f(t, c, m, th, r, a, at, e, rc)
        ON CONFLICT (team_id, channel_id, message_ts, rule_id) DO NOTHING
        """;

    public async Task<int> AddAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return 0;
        }

        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        var added = await AddAsync(transaction, findings, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<int> AddAsync(IStorageTransaction transaction, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var postgres = PostgresTransaction.From(transaction);
        if (findings.Count == 0)
        {
            return 0;
        }

        await using var command = postgres.Command(InsertSql)
            .With("Teams", findings.Select(f => f.Team.Value).ToArray())
            .With("Channels", findings.Select(f => f.Channel.Value).ToArray())
            .With("MessageTs", findings.Select(f => f.Ts.Value).ToArray())
            .With("ThreadTs", findings.Select(f => f.ThreadTs?.Value).ToArray())
            .With("Rules", findings.Select(f => f.RuleId).ToArray())
            .With("Authors", findings.Select(f => f.Author.Value).ToArray())
            .With("Ats", findings.Select(f => f.At.ToUniversalTime()).ToArray())
            .With("Evidence", findings.Select(f => JsonSerializer.Serialize(f.Evidence, StorageJsonContext.Default.IReadOnlyListString)).ToArray())
            .With("Recipients", findings.Select(f => JsonSerializer.Serialize(
                f.OffHoursRecipients.Select(r => new StoredRecipient(r.User.Value, r.TimeZoneId, r.LocalTime, r.NextWorkStart)).ToList(),
                StorageJsonContext.Default.ListStoredRecipient)).ToArray())
            .WithInstant("Now", time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string CountByRuleSql = """
        SELECT rule_id, count(*)
        FROM findings
        WHERE team_id = @TeamId AND (@AuthorId::text IS NULL OR author_id = @AuthorId) AND at >= @Since
        GROUP BY rule_id
        """;

    public async Task<IReadOnlyDictionary<string, long>> CountByRuleAsync(string teamId, string? authorId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, CountByRuleSql).With("TeamId", teamId).WithText("AuthorId", authorId).WithInstant("Since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private const string WeeklyByRuleSql = """
        SELECT rule_id,
               count(*) FILTER (WHERE at < @Week2),
               count(*) FILTER (WHERE at >= @Week2 AND at < @Week3),
               count(*) FILTER (WHERE at >= @Week3 AND at < @Week4),
               count(*) FILTER (WHERE at >= @Week4)
        FROM findings
        WHERE team_id = @TeamId AND author_id = @AuthorId AND at >= @Since AND at <= @Until
        GROUP BY rule_id
        ORDER BY rule_id
        """;

    public async Task<IReadOnlyList<RuleWeeks>> WeeklyByRuleAsync(string teamId, string authorId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var week = TimeSpan.FromDays(7);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, WeeklyByRuleSql)
            .With("TeamId", teamId).With("AuthorId", authorId)
            .WithInstant("Since", until - (4 * week)).WithInstant("Week2", until - (3 * week)).WithInstant("Week3", until - (2 * week))
            .WithInstant("Week4", until - week).WithInstant("Until", until);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RuleWeeks>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RuleWeeks(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    private const string ForMessageSql = """
        SELECT rule_id, author_id, evidence_json, recipients_json
        FROM findings
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND message_ts = @MessageTs
        ORDER BY id
        """;

    public async Task<IReadOnlyList<StoredFinding>> ForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ForMessageSql).With("TeamId", teamId).With("ChannelId", channelId).With("MessageTs", messageTs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoredFinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredFinding(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
