using AsyncCoach.Inbox;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The inbox on PostgreSQL: an acknowledged event is a row of the <c>inbox</c> table before Slack
/// gets its 200 (with PostgreSQL there is no local journal: every instance must see every event).
/// A batch is one multi-row insert, unique on <c>event_id</c> with <c>ON CONFLICT DO NOTHING</c>,
/// so a Slack retry (to this instance or another) is recognised at acknowledgement. Each row carries
/// its conversation's partition (<see cref="ConversationPartitions.Of"/>); an instance's processor
/// claims the pending rows of the partitions it leases, in id order (<see cref="PostgresSession"/>).
/// </summary>
public sealed class PostgresInboxStore(PostgresDatabase database) : IInboxStore
{
    private const string AddBatchSql = """
        INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, payload, partition)
        SELECT * FROM unnest(@EventIds, @TeamIds, @ChannelIds, @EventTypes, @ReceivedAts, @Payloads, @Partitions)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
        """;

    /// <summary>
    /// Makes a batch durable in one statement and one commit; returns the event ids that were new
    /// (the others were already in the inbox: Slack retries, or a repeat within the batch).
    /// </summary>
    public async Task<IReadOnlySet<string>> AddBatchAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        if (entries.Count == 0)
        {
            return added;
        }

        // A repeat inside one batch would make ON CONFLICT touch the same row twice, which
        // PostgreSQL refuses; the first delivery stands for both.
        var batch = entries.DistinctBy(entry => entry.EventId, StringComparer.Ordinal).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, AddBatchSql)
            .With("EventIds", batch.Select(e => e.EventId).ToArray())
            .With("TeamIds", batch.Select(e => e.TeamId).ToArray())
            .With("ChannelIds", batch.Select(e => e.ChannelId).ToArray())
            .With("EventTypes", batch.Select(e => e.EventType).ToArray())
            .With("ReceivedAts", batch.Select(e => e.ReceivedAt.ToUniversalTime()).ToArray())
            .With("Payloads", batch.Select(e => e.Payload).ToArray())
            .With("Partitions", batch.Select(e => ConversationPartitions.Of(e.TeamId, e.ChannelId)).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            added.Add(reader.GetString(0));
        }

        return added;
    }

    /// <summary>PostgreSQL keeps no local journal (acknowledged events are rows): nothing was ever processed from one.</summary>
    public Task<long> ReadJournalPositionAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

    /// <summary>There is no journal with PostgreSQL, so no position to save; a caller that has one is wired wrongly.</summary>
    public void SaveJournalPosition(IStorageTransaction round, long position)
    {
        PostgresTransaction.From(round);
        if (position != 0)
        {
            throw new InvalidOperationException("The PostgreSQL inbox has no local journal: acknowledged events are inbox rows, claimed with ClaimPendingAsync.");
        }
    }

    private const string IsKnownSql = "SELECT 1 FROM inbox WHERE event_id = @EventId";

    public bool IsKnown(IStorageRead read, string eventId)
    {
        using var command = PostgresRead.Of(read).Command(IsKnownSql).With("EventId", eventId);
        return command.ExecuteScalar() is not null;
    }

    private const string InsertProcessedSql = """
        INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, partition, payload, state, attempts, processed_at, last_error)
        VALUES (@EventId, @TeamId, @ChannelId, @EventType, @ReceivedAt, @Partition, @Payload,
                CASE WHEN @Error IS NULL THEN 'done' ELSE 'pending' END,
                CASE WHEN @Error IS NULL THEN 0 ELSE 1 END,
                CASE WHEN @Error IS NULL THEN @Now END, @Error)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING id
        """;

    public long? InsertProcessed(IStorageTransaction round, InboxEntry entry, string? error, DateTimeOffset at)
    {
        using var command = PostgresTransaction.From(round).Command(InsertProcessedSql)
            .With("EventId", entry.EventId).With("TeamId", entry.TeamId).WithText("ChannelId", entry.ChannelId)
            .With("EventType", entry.EventType).WithInstant("ReceivedAt", entry.ReceivedAt)
            .With("Partition", ConversationPartitions.Of(entry.TeamId, entry.ChannelId))
            .With("Payload", error is null ? null : entry.Payload)
            .WithText("Error", error).WithInstant("Now", at);
        return command.ExecuteScalar() is long id ? id : null;
    }

    private const string ClaimPendingSql = """
        SELECT id, event_id, team_id, channel_id, event_type, payload, attempts
        FROM inbox
        WHERE state = 'pending' AND partition = ANY (@Partitions)
        ORDER BY id
        LIMIT @Limit
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> pending rows of the partitions this instance processes, in id
    /// order, on the session's kept connection; none while it holds no partition.
    /// </summary>
    public async Task<IReadOnlyList<PendingInboxRow>> ClaimPendingAsync(IProcessingSession session, int limit, CancellationToken cancellationToken)
    {
        var postgres = PostgresSession.Of(session);
        var partitions = postgres.Partitions;
        if (partitions.Length == 0)
        {
            return [];
        }

        var rows = new List<PendingInboxRow>();
        await using var command = Pg.Command(postgres.Connection, ClaimPendingSql).With("Partitions", partitions).With("Limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PendingInboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.TextOrNull(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5), reader.GetInt32(6)));
        }

        return rows;
    }

    private const string MarkDoneSql = """
        UPDATE inbox SET state = 'done', payload = NULL, processed_at = @Now, last_error = NULL
        WHERE id = ANY (@Ids) AND state = 'pending'
        """;

    private const string MarkRetrySql = """
        UPDATE inbox
        SET attempts = attempts + 1,
            last_error = @Error,
            state = CASE WHEN attempts + 1 >= @MaxAttempts THEN 'failed' ELSE 'pending' END,
            payload = CASE WHEN attempts + 1 >= @MaxAttempts THEN NULL ELSE payload END,
            processed_at = CASE WHEN attempts + 1 >= @MaxAttempts THEN @Now END
        WHERE id = @Id AND state = 'pending'
        """;

    /// <summary>
    /// The rows done in one statement, each failure by itself; throws (so the round rolls back) when
    /// a claimed row is not pending any more.
    /// </summary>
    public async Task CompleteAsync(IStorageTransaction round, IReadOnlyList<InboxOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = PostgresTransaction.From(round);
        var done = outcomes.Where(o => o.Error is null).Select(o => o.Id).ToArray();
        if (done.Length > 0)
        {
            await using var command = transaction.Command(MarkDoneSql).With("Ids", done).WithInstant("Now", now);
            var marked = await command.ExecuteNonQueryAsync(cancellationToken);
            if (marked != done.Length)
            {
                throw new InvalidOperationException($"Marking {done.Length} claimed inbox rows done changed {marked}: some were not pending any more.");
            }
        }

        foreach (var failed in outcomes.Where(o => o.Error is not null))
        {
            await using var command = transaction.Command(MarkRetrySql)
                .With("Id", failed.Id).WithText("Error", failed.Error).With("MaxAttempts", IInboxStore.MaxAttempts).WithInstant("Now", now);
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Inbox row {failed.Id} was claimed but is not pending any more.");
            }
        }
    }

    private const string RetentionWindowSql = """
        SELECT max(id), max(received_at), count(*)
        FROM (SELECT id, received_at FROM inbox WHERE id > @After ORDER BY id LIMIT @Limit) w
        """;

    private const string PurgeWindowSql = """
        DELETE FROM inbox
        WHERE id > @After AND id <= @LastId
          AND ((state = 'done' AND received_at < @ProcessedBefore)
            OR (state = 'failed' AND received_at < @FailedBefore))
        """;

    /// <summary>Deletes the finished rows of the next id window in a transaction of its own (see the interface).</summary>
    public async Task<InboxPurgeWindow> PurgeWindowAsync(
        long after, int limit, DateTimeOffset processedBefore, DateTimeOffset failedBefore, CancellationToken cancellationToken)
    {
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        long lastId;
        DateTimeOffset lastReceivedAt;
        long rows;
        await using (var command = transaction.Command(RetentionWindowSql).With("After", after).With("Limit", limit))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            if (reader.IsDBNull(0))
            {
                return new InboxPurgeWindow(after, 0, Finished: true);
            }

            (lastId, lastReceivedAt, rows) = (reader.GetInt64(0), reader.Instant(1), reader.GetInt64(2));
        }

        int deleted;
        await using (var command = transaction.Command(PurgeWindowSql)
            .With("After", after).With("LastId", lastId)
            .WithInstant("ProcessedBefore", processedBefore).WithInstant("FailedBefore", failedBefore))
        {
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var newerCutoff = processedBefore > failedBefore ? processedBefore : failedBefore;
        return new InboxPurgeWindow(lastId, deleted, rows < limit || lastReceivedAt >= newerCutoff);
    }

    private const string CountByStateSql = "SELECT state, count(*) FROM inbox GROUP BY state";

    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, CountByStateSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
