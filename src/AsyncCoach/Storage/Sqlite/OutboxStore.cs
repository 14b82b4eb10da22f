using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// SQL for delivering the outbox (the <c>nudges</c> table and <c>nudge_attempts</c>, whatever the
/// kind): due rows, the durable claim before Slack is called, ends, deferrals, and recovery of
/// rows a crash left mid-call. Enqueueing a nudge is <see cref="NudgeStore"/>'s (it has rules
/// and a cap); every other kind is enqueued here.
/// </summary>
public sealed class OutboxStore(SqliteDatabase database, SqliteGroupCommit groupCommit) : IOutboxStore
{

    private const string EnqueueSql = """
        INSERT INTO nudges (kind, team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts, next_attempt_at, expires_at, day_start, created_at)
        VALUES (@Kind, @TeamId, @RecipientId, @Key, NULL, @RecipientId, @Kind, @PayloadJson, 'pending', 0, @NotBefore, @ExpiresAt, @Now, @Now)
        ON CONFLICT (team_id, channel_id, message_ts) DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// Adds the message in the caller's transaction unless one with the same kind, team, recipient
    /// and key exists; returns its id, or null. Notify <c>OutboxSignal</c> after committing.
    /// </summary>
    public async Task<long?> TryEnqueueAsync(IStorageTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.Kind == IOutboxStore.NudgeKind)
        {
            throw new ArgumentException("Nudges are enqueued by NudgeStore.TryAddAsync (rules and caps).", nameof(message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new EnqueueParameters(
            message.Kind, message.TeamId, message.RecipientId, message.Kind + ":" + message.Key, message.PayloadJson,
            message.NotBefore is { } notBefore && notBefore > now ? notBefore : now, message.ExpiresAt, now);
        var write = SqliteWrite.Of(transaction);
        return await write.Connection.ExecuteScalarAsync<long?>(EnqueueSql, parameters, write.Transaction);
    }

    /// <summary>As above, in a transaction of its own; committed when the task completes.</summary>
    public async Task<long?> TryEnqueueAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var id = await TryEnqueueAsync(write, message, now, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The parameters of <see cref="EnqueueSql"/> (a named type for Dapper.AOT).</summary>
    internal sealed record EnqueueParameters(
        string Kind, string TeamId, string RecipientId, string Key, string PayloadJson, DateTimeOffset NotBefore, DateTimeOffset ExpiresAt, DateTimeOffset Now);

    // Oldest first, passing over the teams named in @Busy (a JSON array): those whose lanes are
    // busy with a backlog, so the rows behind a team's backlog are seen. ix_outbox_due_team skips
    // them in the index and gives this order without sorting. Only what the round needs to
    // decide, all of it in that index (0025: no table page read per row); the payload comes back
    // with the claim.
    internal const string DueSql = """
        SELECT id AS Id, team_id AS TeamId, kind AS Kind, expires_at AS ExpiresAt
        FROM nudges
        WHERE state = 'pending' AND next_attempt_at <= @Now AND team_id NOT IN (SELECT value FROM json_each(@Busy))
        ORDER BY next_attempt_at, team_id, id
        LIMIT @Limit
        """;

    internal const string NextDueSql = "SELECT MIN(next_attempt_at) FROM nudges WHERE state = 'pending' AND next_attempt_at > @Now";

    /// <summary>
    /// A round of the sender: at most <paramref name="limit"/> due rows, oldest first, none of the
    /// <paramref name="busyTeams"/>, and the next moment a later row becomes due, on one connection.
    /// </summary>
    public async Task<(IReadOnlyList<DueRow> Due, DateTimeOffset? Next)> DueAsync(
        DateTimeOffset now, int limit, IReadOnlyList<string> busyTeams, CancellationToken cancellationToken)
    {
        var busy = busyTeams.Count == 0 ? "[]" : JsonSerializer.Serialize(busyTeams, StorageJsonContext.Default.IReadOnlyListString);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DueRow>(DueSql, new DueParameters(now, busy, limit))).AsList();
        var next = await connection.ExecuteScalarAsync<string?>(NextDueSql, new { Now = now });
        return (rows, next is null ? null : StoredInstant.Parse(next));
    }

    /// <summary>The parameters of <see cref="DueSql"/> (a named type for Dapper.AOT).</summary>
    internal sealed record DueParameters(DateTimeOffset Now, string Busy, int Limit);

    private const string ClaimSql = """
        UPDATE nudges SET state = 'sending', attempts = attempts + 1
        WHERE id IN (SELECT value FROM json_each(@Ids)) AND state = 'pending'
        RETURNING id AS Id, team_id AS TeamId, channel_id AS ChannelId, message_ts AS MessageTs, thread_ts AS ThreadTs,
                  author_id AS AuthorId, delivery AS Delivery, content_json AS ContentJson, state AS State, attempts - 1 AS Attempts,
                  expires_at AS ExpiresAt, kind AS Kind
        """;

    /// <summary>
    /// The claim of a round: the rows that are still pending become 'sending', committed (in one
    /// group-committed transaction) before any of them is handed to Slack, so a crash during a
    /// call never sends twice. Returns the claimed rows with their payload; a row another
    /// instance or a restart already took is not among them.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var json = "[" + string.Join(',', ids) + "]";
        return await groupCommit.RunAsync(async (connection, transaction) =>
            (IReadOnlyList<OutboxRow>)(await connection.QueryAsync<OutboxRow>(ClaimSql, new { Ids = json }, transaction)).AsList())
            .WaitAsync(cancellationToken);
    }

    private const string ReleaseSql = """
        UPDATE nudges SET state = 'pending', attempts = attempts - 1,
            next_attempt_at = CASE WHEN next_attempt_at < @NotBefore THEN @NotBefore ELSE next_attempt_at END
        WHERE id = @Id AND state = 'sending'
        """;

    /// <summary>
    /// Gives back a claimed row that was never handed to Slack (its team's lane stopped for a
    /// rate limit first): pending again, not before <paramref name="notBefore"/>, the claim's
    /// attempt not counted.
    /// </summary>
    public Task ReleaseAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        groupCommit.RunAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(ReleaseSql, new { Id = id, NotBefore = notBefore }, transaction))
            .WaitAsync(cancellationToken);

    private const string MarkSendingSql = "UPDATE nudges SET state = 'sending', attempts = attempts + 1 WHERE id = @Id AND state = 'pending'";

    /// <summary>
    /// One row's claim (a row a round handed out without claiming it).
    /// Committed before Slack is called: a crash during the call leaves the row in 'sending',
    /// which the next start ends as 'interrupted' instead of sending it again (at most once).
    /// </summary>
    public async Task<bool> MarkSendingAsync(long id, CancellationToken cancellationToken)
    {
        // Group-committed with the other sends in flight: one transaction for many rows.
        return await groupCommit.RunAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(MarkSendingSql, new { Id = id }, transaction) == 1)
            .WaitAsync(cancellationToken);
    }

    private const string RecoverSql = """
        INSERT INTO nudge_attempts (nudge_id, at, outcome) SELECT id, @Now, 'interrupted' FROM nudges WHERE state = 'sending';
        UPDATE nudges SET state = 'failed', end_reason = 'interrupted', content_json = NULL WHERE state = 'sending';
        """;

    /// <summary>Ends rows a previous process left mid-call; returns how many.</summary>
    public async Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var ended = await write.Connection.ExecuteAsync(RecoverSql, new { Now = now }, write.Transaction);
        database.NudgeCaps.Forget();
        await write.CommitAsync(cancellationToken);
        return ended / 2;
    }

    private const string EndSql = """
        INSERT INTO nudge_attempts (nudge_id, at, outcome) SELECT @Id, @Now, @Outcome WHERE @Attempted = 1;
        UPDATE nudges SET state = @State, end_reason = @Reason, content_json = NULL,
            sent_at = CASE WHEN @State = 'sent' THEN @Now ELSE sent_at END
        WHERE id = @Id;
        """;

    /// <summary>
    /// Sent, expired or failed: the words are cleared (they may quote the author). The one write
    /// every message makes, so its command stays compiled on the connections that run it (the
    /// group commit's, the inbox session's), and it joins the next inbox round's commit when one
    /// comes within <see cref="SqliteGroupCommit.JoinWindow"/> instead of a commit of its own.
    /// </summary>
    public Task EndAsync(long id, string state, string? reason, string? attemptOutcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        groupCommit.RunSoonAsync((connection, transaction) =>
        {
            using var lease = PreparedCommands.Rent(connection, transaction, EndSql, static p =>
            {
                p.Add("@Id", SqliteType.Integer);
                p.Add("@State", SqliteType.Text);
                p.Add("@Reason", SqliteType.Text);
                p.Add("@Outcome", SqliteType.Text);
                p.Add("@Attempted", SqliteType.Integer);
                p.Add("@Now", SqliteType.Text);
            });
            var p = lease.Command.Parameters;
            p[0].Value = id;
            p[1].Value = state;
            p[2].Value = (object?)reason ?? DBNull.Value;
            p[3].Value = attemptOutcome ?? "";
            p[4].Value = attemptOutcome is null ? 0 : 1;
            p[5].Value = StoredInstant.Format(now);
            if (state != IOutboxStore.Sent)
            {
                // It no longer counts towards its author's caps (rare: expired, failed).
                database.NudgeCaps.Forget();
            }

            return Task.FromResult(lease.Command.ExecuteNonQuery());
        }).WaitAsync(cancellationToken);

    private const string DeferSql = """
        INSERT INTO nudge_attempts (nudge_id, at, outcome, retry_after) VALUES (@Id, @Now, @Outcome, @RetryAt);
        UPDATE nudges SET state = 'pending', next_attempt_at = @RetryAt WHERE id = @Id;
        UPDATE nudges SET next_attempt_at = @RetryAt WHERE team_id = @TeamId AND state = 'pending' AND next_attempt_at < @RetryAt AND @WholeTeam = 1;
        """;

    /// <summary>
    /// Records a failed attempt and tries again at <paramref name="retryAt"/>; with
    /// <paramref name="wholeTeam"/> (rate limited) the team's other pending nudges wait too.
    /// </summary>
    public Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            row.Id,
            row.TeamId,
            Outcome = outcome,
            RetryAt = retryAt,
            WholeTeam = wholeTeam ? 1 : 0,
            Now = now,
        };
        return groupCommit.RunAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(DeferSql, parameters, transaction))
            .WaitAsync(cancellationToken);
    }
}
