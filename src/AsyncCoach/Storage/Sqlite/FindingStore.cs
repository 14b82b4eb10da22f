using System.Text.Json;
using AsyncCoach.Core.Rules;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>SQL for the findings table. Evidence and recipients are JSON; message text never is stored.</summary>
public sealed class FindingStore(SqliteDatabase database, TimeProvider time) : IFindingStore
{
    private const string InsertSql = """
        INSERT INTO findings (team_id, channel_id, message_ts, thread_ts, rule_id, author_id, at, evidence_json, recipients_json, created_at)
        VALUES (@TeamId, @ChannelId, @MessageTs, @ThreadTs, @RuleId, @AuthorId, @At, @EvidenceJson, @RecipientsJson, @CreatedAt)
        ON CONFLICT (team_id, channel_id, message_ts, rule_id) DO NOTHING
        """;

    /// <summary>Records findings; returns how many were new.</summary>
    public async Task<int> AddAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return 0;
        }

        await using var write = await database.BeginWriteAsync(cancellationToken);
        var added = await AddAsync(write, findings, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Records findings inside the caller's transaction (with the nudges they lead to).</summary>
    public Task<int> AddAsync(IStorageTransaction transaction, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = SqliteWrite.Of(transaction);
        var now = StoredInstant.Format(time.GetUtcNow());
        using var lease = PreparedCommands.Rent(write.Connection, write.Transaction, InsertSql, DefineInsert);
        var p = lease.Command.Parameters;
        var added = 0;
        foreach (var f in findings)
        {
            p[0].Value = f.Team.Value;
            p[1].Value = f.Channel.Value;
            p[2].Value = f.Ts.Value;
            p[3].Value = (object?)f.ThreadTs?.Value ?? DBNull.Value;
            p[4].Value = f.RuleId;
            p[5].Value = f.Author.Value;
            p[6].Value = StoredInstant.Format(f.At);
            p[7].Value = JsonSerializer.Serialize(f.Evidence, StorageJsonContext.Default.IReadOnlyListString);
            p[8].Value = JsonSerializer.Serialize(
                f.OffHoursRecipients.Select(r => new StoredRecipient(r.User.Value, r.TimeZoneId, r.LocalTime, r.NextWorkStart)).ToList(),
                StorageJsonContext.Default.ListStoredRecipient);
            p[9].Value = now;
            added += lease.Command.ExecuteNonQuery();
        }

        return Task.FromResult(added);
    }

    // In the order of InsertSql's parameters, which AddAsync sets by position.
    private static void DefineInsert(SqliteParameterCollection p)
    {
        foreach (var name in (ReadOnlySpan<string>)["@TeamId", "@ChannelId", "@MessageTs", "@ThreadTs", "@RuleId", "@AuthorId", "@At", "@EvidenceJson", "@RecipientsJson", "@CreatedAt"])
        {
            p.Add(name, SqliteType.Text);
        }
    }

    private const string CountByRuleSql = """
        SELECT rule_id AS RuleId, COUNT(*) AS Count
        FROM findings
        WHERE team_id = @TeamId AND (@AuthorId IS NULL OR author_id = @AuthorId) AND at >= @Since
        GROUP BY rule_id
        """;

    /// <summary>Findings per rule since a moment, for a team or one author in it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByRuleAsync(string teamId, string? authorId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleCount>(
            CountByRuleSql, new { TeamId = teamId, AuthorId = authorId, Since = since });
        return rows.ToDictionary(r => r.RuleId, r => r.Count, StringComparer.Ordinal);
    }

    private const string WeeklyByRuleSql = """
        SELECT rule_id AS RuleId,
               SUM(at < @Week2) AS Week1,
               SUM(at >= @Week2 AND at < @Week3) AS Week2,
               SUM(at >= @Week3 AND at < @Week4) AS Week3,
               SUM(at >= @Week4) AS Week4
        FROM findings
        WHERE team_id = @TeamId AND author_id = @AuthorId AND at >= @Since AND at <= @Until
        GROUP BY rule_id
        """;

    /// <summary>
    /// One author's findings per rule in four consecutive 7-day windows ending at
    /// <paramref name="until"/> (included), oldest first; rules without findings are left out.
    /// </summary>
    public async Task<IReadOnlyList<RuleWeeks>> WeeklyByRuleAsync(string teamId, string authorId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var week = TimeSpan.FromDays(7);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleWeeks>(WeeklyByRuleSql, new
        {
            TeamId = teamId,
            AuthorId = authorId,
            Since = until - (4 * week),
            Week2 = until - (3 * week),
            Week3 = until - (2 * week),
            Week4 = until - week,
            Until = until,
        });
        return rows.AsList();
    }

    private const string ForMessageSql = """
        SELECT rule_id AS RuleId, author_id AS AuthorId, evidence_json AS EvidenceJson, recipients_json AS RecipientsJson
        FROM findings
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND message_ts = @MessageTs
        ORDER BY id
        """;

    public async Task<IReadOnlyList<StoredFinding>> ForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredFinding>(
            ForMessageSql, new { TeamId = teamId, ChannelId = channelId, MessageTs = messageTs });
        return rows.AsList();
    }
}

/// <summary>Findings or nudges for one rule (a named type: Dapper.AOT does not map tuples).</summary>
internal sealed record RuleCount(string RuleId, long Count);
