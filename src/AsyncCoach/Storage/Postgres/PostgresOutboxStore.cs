using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The outbox (<see cref="IOutboxStore"/>) on PostgreSQL, shared by several instances. A
/// claim is a lease: the row becomes 'sending' with this instance as <c>lease_owner</c> and a
/// <c>lease_until</c> <see cref="StorageOptions.LeaseDuration"/> ahead, taken with <c>FOR UPDATE
/// SKIP LOCKED</c> so two instances claiming the same due rows split them and never both get one.
/// Recovery ends only 'sending' rows whose lease has expired (their instance died mid-call):
/// another live instance's sends in flight are left alone.
/// </summary>
public sealed class PostgresOutboxStore(PostgresDatabase database, InstanceIdentity instance, TimeProvider time, IOptions<StorageOptions> options)
    : IOutboxStore
{
    private readonly TimeSpan _lease = options.Value.LeaseDuration;

    private const string EnqueueSql = """
        INSERT INTO nudges (kind, team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts, next_attempt_at, expires_at, day_start, created_at)
        VALUES (@Kind, @TeamId, @RecipientId, @Key, NULL, @RecipientId, @Kind, @PayloadJson, 'pending', 0, @NotBefore, @ExpiresAt, @Now, @Now)
        ON CONFLICT (team_id, channel_id, message_ts) DO NOTHING
        RETURNING id
        """;

    /// <summary>Adds the message in the caller's transaction unless its (kind, team, recipient, key) exists; its id, or null.</summary>
    public async Task<long?> TryEnqueueAsync(IStorageTransaction transaction, OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.Kind == IOutboxStore.NudgeKind)
        {
            throw new ArgumentException("Nudges are enqueued by the nudge store (rules and caps).", nameof(message));
        }

        await using var command = PostgresTransaction.From(transaction).Command(EnqueueSql)
            .With("Kind", message.Kind).With("TeamId", message.TeamId).With("RecipientId", message.RecipientId)
            .With("Key", message.Kind + ":" + message.Key).With("PayloadJson", message.PayloadJson)
            .WithInstant("NotBefore", message.NotBefore is { } notBefore && notBefore > now ? notBefore : now)
            .WithInstant("ExpiresAt", message.ExpiresAt).WithInstant("Now", now);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    /// <summary>As above, in a transaction of its own; committed when the task completes.</summary>
    public async Task<long?> TryEnqueueAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        var id = await TryEnqueueAsync(transaction, message, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private const string DueSql = """
        SELECT id, team_id, kind, expires_at
        FROM nudges
        WHERE state = 'pending' AND next_attempt_at <= @Now AND team_id <> ALL (@Busy)
        ORDER BY next_attempt_at, team_id, id
        LIMIT @Limit
        """;

    private const string NextDueSql = "SELECT MIN(next_attempt_at) FROM nudges WHERE state = 'pending' AND next_attempt_at > @Now";

    /// <summary>At most <paramref name="limit"/> due rows, oldest first, none of <paramref name="busyTeams"/>; and when the next later row is due.</summary>
    public async Task<(IReadOnlyList<DueRow> Due, DateTimeOffset? Next)> DueAsync(
        DateTimeOffset now, int limit, IReadOnlyList<string> busyTeams, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = new List<DueRow>();
        await using (var command = Pg.Command(connection, DueSql).WithInstant("Now", now).With("Busy", busyTeams.ToArray()).With("Limit", limit))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new DueRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.Instant(3)));
            }
        }

        await using var next = Pg.Command(connection, NextDueSql).WithInstant("Now", now);
        return (rows, await next.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
    }

    // The rows still pending become 'sending' under this instance's lease. SKIP LOCKED: a row
    // another instance is claiming right now is left to it; one it has claimed is no longer pending.
    private const string ClaimSql = """
        UPDATE nudges SET state = 'sending', attempts = attempts + 1, lease_owner = @Owner, lease_until = @LeaseUntil
        WHERE id IN (SELECT id FROM nudges WHERE id = ANY (@Ids) AND state = 'pending' ORDER BY id FOR UPDATE SKIP LOCKED)
        RETURNING id, team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts - 1, expires_at, kind
        """;

    /// <summary>
    /// The claim of a round, committed before any row is handed to Slack. Returns the rows this
    /// instance got, with their payload; a row another instance (or a restart) took is not among them.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ClaimSql)
            .With("Ids", ids.ToArray()).With("Owner", instance.Id).WithInstant("LeaseUntil", time.GetUtcNow() + _lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.TextOrNull(4),
                reader.GetString(5), reader.GetString(6), reader.TextOrNull(7), reader.GetString(8), reader.GetInt32(9),
                reader.Instant(10), reader.GetString(11)));
        }

        return rows;
    }

    private const string ReleaseSql = """
        UPDATE nudges SET state = 'pending', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL,
            next_attempt_at = GREATEST(next_attempt_at, @NotBefore)
        WHERE id = @Id AND state = 'sending' AND lease_owner = @Owner
        """;

    /// <summary>Gives back a claimed row never handed to Slack: pending again, not before <paramref name="notBefore"/>.</summary>
    public Task ReleaseAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        ExecuteAsync(ReleaseSql, command => command.With("Id", id).WithInstant("NotBefore", notBefore).With("Owner", instance.Id), cancellationToken);

    private const string MarkSendingSql = """
        UPDATE nudges SET state = 'sending', attempts = attempts + 1, lease_owner = @Owner, lease_until = @LeaseUntil
        WHERE id = @Id AND state = 'pending'
        """;

    /// <summary>One row's claim (a row a round handed out without claiming it), committed before Slack is called.</summary>
    public async Task<bool> MarkSendingAsync(long id, CancellationToken cancellationToken) =>
        await ExecuteAsync(MarkSendingSql, command => command
            .With("Id", id).With("Owner", instance.Id).WithInstant("LeaseUntil", time.GetUtcNow() + _lease), cancellationToken) == 1;

    private const string RecoverSql = """
        WITH ended AS (
            UPDATE nudges SET state = 'failed', end_reason = 'interrupted', content_json = NULL, lease_owner = NULL, lease_until = NULL
            WHERE state = 'sending' AND lease_until < @Now
            RETURNING id)
        INSERT INTO nudge_attempts (nudge_id, at, outcome) SELECT id, @Now, 'interrupted' FROM ended
        """;

    /// <summary>
    /// Ends the rows whose instance died mid-call (their lease expired before <paramref name="now"/>);
    /// a live instance's rows in flight are not touched. Returns how many.
    /// </summary>
    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(RecoverSql, command => command.WithInstant("Now", now), cancellationToken);

    private const string EndSql = """
        INSERT INTO nudge_attempts (nudge_id, at, outcome) SELECT @Id, @Now, @Outcome WHERE @Attempted;
        UPDATE nudges SET state = @State, end_reason = @Reason, content_json = NULL, lease_owner = NULL, lease_until = NULL,
            sent_at = CASE WHEN @State = 'sent' THEN @Now ELSE sent_at END
        WHERE id = @Id;
        """;

    /// <summary>Sent, expired or failed: the words are cleared (they may quote the author).</summary>
    public Task EndAsync(long id, string state, string? reason, string? attemptOutcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(EndSql, command => command
            .With("Id", id).With("State", state).WithText("Reason", reason).With("Outcome", attemptOutcome ?? "")
            .With("Attempted", attemptOutcome is not null).WithInstant("Now", now), cancellationToken);

    private const string DeferSql = """
        INSERT INTO nudge_attempts (nudge_id, at, outcome, retry_after) VALUES (@Id, @Now, @Outcome, @RetryAt);
        UPDATE nudges SET state = 'pending', next_attempt_at = @RetryAt, lease_owner = NULL, lease_until = NULL WHERE id = @Id;
        UPDATE nudges SET next_attempt_at = @RetryAt WHERE team_id = @TeamId AND state = 'pending' AND next_attempt_at < @RetryAt AND @WholeTeam;
        """;

    /// <summary>Records a failed attempt and tries again at <paramref name="retryAt"/>; with <paramref name="wholeTeam"/> the team's other pending rows wait too.</summary>
    public Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(DeferSql, command => command
            .With("Id", row.Id).With("TeamId", row.TeamId).With("Outcome", outcome).WithInstant("RetryAt", retryAt)
            .With("WholeTeam", wholeTeam).WithInstant("Now", now), cancellationToken);

    private async Task<int> ExecuteAsync(string sql, Func<NpgsqlCommand, NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        await using var command = bind(transaction.Command(sql));
        var count = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
