using AsyncCoach.Core.Nudges;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// SQL for the nudges in the outbox (kind <c>nudge</c>), their rules and feedback. Unique per
/// (team, channel, message ts): a second insert for the same message is a no-op, so no retry
/// nudges twice. Delivery (due rows, claims, ends, deferrals) is <see cref="OutboxStore"/>'s.
/// </summary>
public sealed class NudgeStore(SqliteDatabase database) : INudgeStore
{
    // One statement, no grouping: an author has a handful of nudges a day. Every nudge has at
    // least one rule. Read once per author and day (and again after a nudge ended unsent, or a
    // restart): the counts are then kept in memory by the writes (NudgeCapCounts).
    private const string CountsSql = """
        SELECT n.id, r.rule_id
        FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
        WHERE n.team_id = @TeamId AND n.author_id = @AuthorId AND n.created_at >= @DayStart AND n.state NOT IN ('expired', 'failed')
        """;

    /// <summary>Nudges the author got since <paramref name="dayStart"/> (ones that expired or failed never reached them).</summary>
    public Task<NudgeCounts> CountsAsync(IStorageTransaction transaction, string teamId, string authorId, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = SqliteWrite.Of(transaction);
        var caps = write.CapChanges ??= database.NudgeCaps.Begin();
        if (caps.TryGet(teamId, authorId, dayStart, out var known))
        {
            return Task.FromResult(known);
        }

        using var lease = PreparedCommands.Rent(write.Connection, write.Transaction, CountsSql, static p =>
        {
            p.Add("@TeamId", SqliteType.Text);
            p.Add("@AuthorId", SqliteType.Text);
            p.Add("@DayStart", SqliteType.Text);
        });
        var p = lease.Command.Parameters;
        p[0].Value = teamId;
        p[1].Value = authorId;
        p[2].Value = StoredInstant.Format(dayStart);
        var nudgeIds = new HashSet<long>();
        var perRule = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = lease.Command.ExecuteReader())
        {
            while (reader.Read())
            {
                nudgeIds.Add(reader.GetInt64(0));
                var ruleId = reader.GetString(1);
                perRule[ruleId] = perRule.GetValueOrDefault(ruleId) + 1;
            }
        }

        var counts = new NudgeCounts(nudgeIds.Count, perRule);
        caps.Read(teamId, authorId, dayStart, counts);
        return Task.FromResult(counts);
    }

    private const string InsertSql = """
        INSERT INTO nudges (team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts, next_attempt_at, expires_at, day_start, created_at)
        VALUES (@TeamId, @ChannelId, @MessageTs, @ThreadTs, @AuthorId, @Delivery, @ContentJson,
                CASE WHEN @Claimed = 1 THEN 'sending' ELSE 'pending' END, @Claimed, @Now, @ExpiresAt, @DayStart, @Now)
        ON CONFLICT (team_id, channel_id, message_ts) DO NOTHING
        RETURNING id
        """;

    private const string InsertRuleSql = "INSERT INTO nudge_rules (nudge_id, rule_id) VALUES (@NudgeId, @RuleId)";

    /// <summary>Adds the nudge unless the message already has one; returns its id, or null.</summary>
    public Task<long?> TryAddAsync(IStorageTransaction transaction, NewNudge nudge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = SqliteWrite.Of(transaction);
        long? id;
        using (var insert = PreparedCommands.Rent(write.Connection, write.Transaction, InsertSql, DefineInsert))
        {
            var p = insert.Command.Parameters;
            p[0].Value = nudge.TeamId;
            p[1].Value = nudge.ChannelId;
            p[2].Value = nudge.MessageTs;
            p[3].Value = (object?)nudge.ThreadTs ?? DBNull.Value;
            p[4].Value = nudge.AuthorId;
            p[5].Value = nudge.Delivery.ToString();
            p[6].Value = nudge.ContentJson;
            p[7].Value = StoredInstant.Format(now);
            p[8].Value = StoredInstant.Format(nudge.ExpiresAt);
            p[9].Value = StoredInstant.Format(nudge.DayStart);
            p[10].Value = nudge.Claimed ? 1 : 0;
            id = insert.Command.ExecuteScalar() is long added ? added : null;
        }

        if (id is { } nudgeId)
        {
            using var rule = PreparedCommands.Rent(write.Connection, write.Transaction, InsertRuleSql, static p =>
            {
                p.Add("@NudgeId", SqliteType.Integer);
                p.Add("@RuleId", SqliteType.Text);
            });
            rule.Command.Parameters[0].Value = nudgeId;
            foreach (var ruleId in nudge.RuleIds)
            {
                rule.Command.Parameters[1].Value = ruleId;
                rule.Command.ExecuteNonQuery();
            }

            (write.CapChanges ??= database.NudgeCaps.Begin()).Added(nudge.TeamId, nudge.AuthorId, now, nudge.RuleIds);
        }

        return Task.FromResult(id);
    }

    // In the order TryAddAsync sets them by position.
    private static void DefineInsert(SqliteParameterCollection p)
    {
        foreach (var name in (ReadOnlySpan<string>)["@TeamId", "@ChannelId", "@MessageTs", "@ThreadTs", "@AuthorId", "@Delivery", "@ContentJson", "@Now", "@ExpiresAt", "@DayStart"])
        {
            p.Add(name, SqliteType.Text);
        }

        p.Add("@Claimed", SqliteType.Integer);
    }

    private const string GetSql = """
        SELECT id AS Id, team_id AS TeamId, author_id AS AuthorId, state AS State FROM nudges WHERE id = @Id AND kind = 'nudge'
        """;

    private const string GetRulesSql = "SELECT rule_id FROM nudge_rules WHERE nudge_id = @Id ORDER BY rule_id";

    public async Task<NudgeRef?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<NudgeHead>(GetSql, new { Id = id });
        if (head is null)
        {
            return null;
        }

        var rules = (await connection.QueryAsync<string>(GetRulesSql, new { Id = id })).AsList();
        return new NudgeRef(head.Id, head.TeamId, head.AuthorId, head.State, rules);
    }

    private const string FeedbackSql = """
        INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) VALUES (@NudgeId, @Kind, @UserId, @Now)
        ON CONFLICT (nudge_id, kind) DO NOTHING
        """;

    /// <summary>Records one kind of feedback once per nudge; returns whether it was new.</summary>
    public async Task<bool> AddFeedbackAsync(long nudgeId, string kind, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var added = await write.Connection.ExecuteAsync(
            FeedbackSql, new { NudgeId = nudgeId, Kind = kind, UserId = userId, Now = now }, write.Transaction) == 1;
        await write.CommitAsync(cancellationToken);
        return added;
    }

    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM nudges WHERE team_id = @TeamId AND channel_id = @ChannelId AND message_ts = @MessageTs AND state <> 'expired')";

    /// <summary>Whether the message has a nudge that went out or is on its way.</summary>
    public async Task<bool> ExistsForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            ExistsSql, new { TeamId = teamId, ChannelId = channelId, MessageTs = messageTs }) == 1;
    }

    private const string SummarySql = """
        SELECT
            (SELECT COUNT(*) FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND kind = 'nudge' AND state = 'sent' AND sent_at >= @Since) AS Sent,
            (SELECT COUNT(*) FROM nudge_feedback f JOIN nudges n ON n.id = f.nudge_id WHERE n.team_id = @TeamId AND n.author_id = @UserId AND f.kind = 'thanks' AND f.at >= @Since) AS Thanks,
            (SELECT COUNT(*) FROM nudge_feedback f JOIN nudges n ON n.id = f.nudge_id WHERE n.team_id = @TeamId AND n.author_id = @UserId AND f.kind = 'not_helpful' AND f.at >= @Since) AS NotHelpful,
            (SELECT COUNT(*) FROM nudge_feedback f JOIN nudges n ON n.id = f.nudge_id WHERE n.team_id = @TeamId AND n.author_id = @UserId AND f.kind = 'snooze_today' AND f.at >= @Since) AS Snoozed,
            (SELECT COUNT(*) FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND kind = 'nudge' AND state = 'expired' AND created_at >= @Since) AS Expired
        """;

    public async Task<(long Sent, long Thanks, long NotHelpful, long Snoozed, long Expired)> SummarizeAsync(string teamId, string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<SummaryRow>(SummarySql, new { TeamId = teamId, UserId = userId, Since = since });
        return (row.Sent, row.Thanks, row.NotHelpful, row.Snoozed, row.Expired);
    }

    /// <summary>The columns <see cref="GetSql"/> reads (a named type: Dapper.AOT does not map tuples).</summary>
    internal sealed record NudgeHead(long Id, string TeamId, string AuthorId, string State);

    /// <summary>The columns <see cref="SummarySql"/> reads.</summary>
    internal sealed record SummaryRow(long Sent, long Thanks, long NotHelpful, long Snoozed, long Expired);
}
