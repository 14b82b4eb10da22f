using AsyncCoach.Core.Nudges;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The nudges in the shared outbox (kind <c>nudge</c>) on PostgreSQL, their rules and feedback.
/// Unique per (team, channel, message ts): of two instances adding a nudge for one message, one
/// row is written and the other gets null, so no message is nudged twice. Delivery is
/// <see cref="PostgresOutboxStore"/>'s.
/// </summary>
public sealed class PostgresNudgeStore(PostgresDatabase database, InstanceIdentity instance, IOptions<StorageOptions> options) : INudgeStore
{
    private readonly TimeSpan _lease = options.Value.LeaseDuration;

    private const string CountsSql = """
        SELECT n.id, r.rule_id
        FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id
        WHERE n.team_id = @TeamId AND n.author_id = @AuthorId AND n.created_at >= @DayStart AND n.state NOT IN ('expired', 'failed')
        """;

    public async Task<NudgeCounts> CountsAsync(IStorageTransaction transaction, string teamId, string authorId, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        await using var command = PostgresTransaction.From(transaction).Command(CountsSql)
            .With("TeamId", teamId).With("AuthorId", authorId).WithInstant("DayStart", dayStart);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nudgeIds = new HashSet<long>();
        var perRule = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            nudgeIds.Add(reader.GetInt64(0));
            var ruleId = reader.GetString(1);
            perRule[ruleId] = perRule.GetValueOrDefault(ruleId) + 1;
        }

        return new NudgeCounts(nudgeIds.Count, perRule);
    }

    // The rules go in with the nudge, in the same statement, only when the nudge row was new.
    private const string InsertSql = """
        WITH n AS (
            INSERT INTO nudges (team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts, next_attempt_at, expires_at, day_start, created_at, lease_owner, lease_until)
            VALUES (@TeamId, @ChannelId, @MessageTs, @ThreadTs, @AuthorId, @Delivery, @ContentJson,
                    CASE WHEN @Claimed THEN 'sending' ELSE 'pending' END, CASE WHEN @Claimed THEN 1 ELSE 0 END, @Now, @ExpiresAt, @DayStart, @Now,
                    CASE WHEN @Claimed THEN @Owner END, CASE WHEN @Claimed THEN @LeaseUntil END)
            ON CONFLICT (team_id, channel_id, message_ts) DO NOTHING
            RETURNING id),
        r AS (
            INSERT INTO nudge_rules (nudge_id, rule_id)
            SELECT n.id, rule_id FROM n, unnest(@RuleIds) AS rule_id)
        SELECT id FROM n
        """;

    public async Task<long?> TryAddAsync(IStorageTransaction transaction, NewNudge nudge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = PostgresTransaction.From(transaction).Command(InsertSql)
            .With("TeamId", nudge.TeamId).With("ChannelId", nudge.ChannelId).With("MessageTs", nudge.MessageTs)
            .WithText("ThreadTs", nudge.ThreadTs).With("AuthorId", nudge.AuthorId).With("Delivery", nudge.Delivery.ToString())
            .With("ContentJson", nudge.ContentJson).WithInstant("Now", now).WithInstant("ExpiresAt", nudge.ExpiresAt)
            .WithInstant("DayStart", nudge.DayStart).With("RuleIds", nudge.RuleIds.Distinct(StringComparer.Ordinal).ToArray())
            .With("Claimed", nudge.Claimed).With("Owner", instance.Id).WithInstant("LeaseUntil", now + _lease);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private const string GetSql = """
        SELECT n.team_id, n.author_id, n.state, r.rule_id
        FROM nudges n LEFT JOIN nudge_rules r ON r.nudge_id = n.id
        WHERE n.id = @Id AND n.kind = 'nudge'
        ORDER BY r.rule_id COLLATE "C"
        """;

    public async Task<NudgeRef?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, GetSql).With("Id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (string Team, string Author, string State)? head = null;
        var rules = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            head ??= (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (reader.TextOrNull(3) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return head is { } h ? new NudgeRef(id, h.Team, h.Author, h.State, rules) : null;
    }

    private const string FeedbackSql = """
        INSERT INTO nudge_feedback (nudge_id, kind, user_id, at) VALUES (@NudgeId, @Kind, @UserId, @Now)
        ON CONFLICT (nudge_id, kind) DO NOTHING
        """;

    public async Task<bool> AddFeedbackAsync(long nudgeId, string kind, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, FeedbackSql).With("NudgeId", nudgeId).With("Kind", kind).With("UserId", userId).WithInstant("Now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private const string ExistsSql = """
        SELECT EXISTS (SELECT 1 FROM nudges WHERE team_id = @TeamId AND channel_id = @ChannelId AND message_ts = @MessageTs AND state <> 'expired')
        """;

    public async Task<bool> ExistsForMessageAsync(string teamId, string channelId, string messageTs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ExistsSql).With("TeamId", teamId).With("ChannelId", channelId).With("MessageTs", messageTs);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private const string SummarySql = """
        SELECT
            (SELECT count(*) FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND kind = 'nudge' AND state = 'sent' AND sent_at >= @Since),
            count(*) FILTER (WHERE f.kind = 'thanks'),
            count(*) FILTER (WHERE f.kind = 'not_helpful'),
            count(*) FILTER (WHERE f.kind = 'snooze_today'),
            (SELECT count(*) FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND kind = 'nudge' AND state = 'expired' AND created_at >= @Since)
        FROM nudge_feedback f JOIN nudges n ON n.id = f.nudge_id
        WHERE n.team_id = @TeamId AND n.author_id = @UserId AND f.at >= @Since
        """;

    public async Task<(long Sent, long Thanks, long NotHelpful, long Snoozed, long Expired)> SummarizeAsync(
        string teamId, string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, SummarySql).With("TeamId", teamId).With("UserId", userId).WithInstant("Since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
