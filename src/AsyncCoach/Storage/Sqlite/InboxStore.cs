using System.Data.Common;
using System.Globalization;
using AsyncCoach.Inbox;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>SQL for the inbox table.</summary>
public sealed class InboxStore(SqliteDatabase database) : IInboxStore
{
    private const int MaxAttempts = IInboxStore.MaxAttempts;

    // A journaled event gets its row when it is processed: done (its payload never stored here),
    // or pending with its payload for another attempt. Only the processor inserts, one round at a
    // time, and it checks IsKnown first; the unique event_id still makes a second insert a no-op.
    private const string InsertDoneSql = """
        INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, state, processed_at)
        VALUES (@EventId, @TeamId, @ChannelId, @EventType, @ReceivedAt, 'done', @ProcessedAt)
        ON CONFLICT (event_id) DO NOTHING
        """;

    private const string InsertRetrySql = """
        INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, payload, attempts, last_error)
        VALUES (@EventId, @TeamId, @ChannelId, @EventType, @ReceivedAt, @Payload, 1, @Error)
        ON CONFLICT (event_id) DO NOTHING
        """;

    private const string IsKnownSql = "SELECT 1 FROM inbox WHERE event_id = @EventId";

    private const string ReadJournalPositionSql = "SELECT processed_up_to FROM inbox_journal WHERE id = 1";

    private const string SaveJournalPositionSql = "UPDATE inbox_journal SET processed_up_to = @Position WHERE id = 1";

    /// <summary>The inbox journal's position processed so far (0 for a new database).</summary>
    public async Task<long> ReadJournalPositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadJournalPositionSql;
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    /// <summary>Records, inside the round's transaction, the journal position processed up to.</summary>
    public void SaveJournalPosition(IStorageTransaction round, long position)
    {
        var write = SqliteWrite.Of(round);
        using var lease = PreparedCommands.Rent(write.Connection, write.Transaction, SaveJournalPositionSql, static p => p.Add("@Position", SqliteType.Integer));
        lease.Command.Parameters[0].Value = position;
        if (lease.Command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException("The inbox_journal row is missing; the database was not migrated.");
        }
    }

    /// <summary>
    /// Whether a row for <paramref name="eventId"/> is already in the inbox (a Slack retry, or a
    /// second delivery), in the round's <paramref name="read"/> transaction: outside one, every
    /// lookup would begin a read of its own.
    /// </summary>
    public bool IsKnown(IStorageRead read, string eventId)
    {
        var snapshot = SqliteRead.Of(read);
        using var lease = PreparedCommands.Rent(snapshot.Connection, snapshot.Transaction, IsKnownSql, static p => p.Add("@EventId", SqliteType.Text));
        lease.Command.Parameters[0].Value = eventId;
        return lease.Command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Inserts the row of a journaled event just processed, inside the round's transaction: done
    /// when <paramref name="error"/> is null, else pending with its payload and one attempt
    /// counted (<see cref="MaxAttempts"/> is more than one). Returns the row's id, or null when the
    /// event already had one.
    /// </summary>
    public long? InsertProcessed(IStorageTransaction round, InboxEntry entry, string? error, DateTimeOffset at)
    {
        var write = SqliteWrite.Of(round);
        var connection = write.Connection;
        using var lease = error is null
            ? PreparedCommands.Rent(connection, write.Transaction, InsertDoneSql, static p => AddInsertParameters(p, "@ProcessedAt"))
            : PreparedCommands.Rent(connection, write.Transaction, InsertRetrySql, static p =>
            {
                AddInsertParameters(p, "@Error");
                p.Add("@Payload", SqliteType.Blob);
            });
        var p = lease.Command.Parameters;
        p[0].Value = entry.EventId;
        p[1].Value = entry.TeamId;
        p[2].Value = (object?)entry.ChannelId ?? DBNull.Value;
        p[3].Value = entry.EventType;
        p[4].Value = StoredInstant.Format(entry.ReceivedAt);
        p[5].Value = error ?? write.Format(at);
        if (error is not null)
        {
            p[6].Value = entry.Payload;
        }

        // No RETURNING: it makes SQLite buffer a result set for every row. The id of the row just
        // inserted on this connection is read from SQLite directly.
        return lease.Command.ExecuteNonQuery() == 1 ? SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle) : null;
    }

    private static void AddInsertParameters(SqliteParameterCollection p, string last)
    {
        p.Add("@EventId", SqliteType.Text);
        p.Add("@TeamId", SqliteType.Text);
        p.Add("@ChannelId", SqliteType.Text);
        p.Add("@EventType", SqliteType.Text);
        p.Add("@ReceivedAt", SqliteType.Text);
        p.Add(last, SqliteType.Text);
    }

    // Rows come back in arrival order, which keeps the order within each conversation. The
    // limit is written into the statement, not bound: SQLite plans a LIMIT by a bound integer's
    // value, so binding it again at every execution made it recompile the kept statement every
    // round. The batch size is fixed for the life of the process.
    private static string ClaimPendingSql(int limit) => string.Create(CultureInfo.InvariantCulture, $"""
        SELECT id, event_id, team_id, channel_id, event_type, payload, attempts
        FROM inbox
        WHERE state = 'pending'
        ORDER BY id
        LIMIT {limit}
        """);

    /// <summary>
    /// Up to <paramref name="limit"/> pending rows, read on the <paramref name="session"/>'s
    /// kept connection, so the statement stays compiled and no pooled connection is opened
    /// (and configured) for every round.
    /// </summary>
    public async Task<IReadOnlyList<PendingInboxRow>> ClaimPendingAsync(
        IProcessingSession session, int limit, CancellationToken cancellationToken)
    {
        using var lease = PreparedCommands.Rent(SqliteSession.Of(session).Connection, null, ClaimPendingSql(limit), static _ => { });
        var rows = new List<PendingInboxRow>();
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PendingInboxRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5),
                reader.GetInt64(6)));
        }

        return rows;
    }

    private const string MarkDoneSql = """
        UPDATE inbox SET state = 'done', payload = NULL, processed_at = @Now, last_error = NULL
        WHERE id = @Id AND state = 'pending'
        """;

    private const string MarkRetrySql = """
        UPDATE inbox
        SET attempts = attempts + 1,
            last_error = @Error,
            state = CASE WHEN attempts + 1 >= @MaxAttempts THEN 'failed' ELSE 'pending' END,
            payload = CASE WHEN attempts + 1 >= @MaxAttempts THEN NULL ELSE payload END,
            processed_at = CASE WHEN attempts + 1 >= @MaxAttempts THEN @Now ELSE NULL END
        WHERE id = @Id AND state = 'pending'
        """;

    // A claim takes the first pending rows in id order, and ids only grow (AUTOINCREMENT), so the
    // pending rows from the first claimed id to the last are exactly the claimed ones.
    private const string MarkRangeDoneSql = """
        UPDATE inbox SET state = 'done', payload = NULL, processed_at = @Now, last_error = NULL
        WHERE id BETWEEN @First AND @Last AND state = 'pending'
        """;

    /// <summary>
    /// Records the outcomes of a processed round inside the caller's transaction (the one that
    /// also holds the round's findings and nudges); payloads of finished rows are cleared.
    /// <paramref name="outcomes"/> are in the order the rows were claimed.
    /// </summary>
    public Task CompleteAsync(
        IStorageTransaction round, IReadOnlyList<InboxOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = SqliteWrite.Of(round);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var at = write.Format(now);
        if (outcomes.Count > 1 && outcomes.All(o => o.Error is null))
        {
            // The usual round: every row done, in one statement instead of one per row.
            MarkRangeDone(connection, transaction, outcomes, at);
        }
        else
        {
            MarkEach(connection, transaction, outcomes, at, cancellationToken);
        }

        return Task.CompletedTask;
    }

    /// <summary>Marks the claimed rows from the first outcome's id to the last done, checking that they are exactly the outcomes' rows.</summary>
    internal static void MarkRangeDone(SqliteConnection connection, DbTransaction transaction, IReadOnlyList<InboxOutcome> outcomes, string at)
    {
        using var range = PreparedCommands.Rent(connection, transaction, MarkRangeDoneSql, static p =>
        {
            p.Add("@First", SqliteType.Integer);
            p.Add("@Last", SqliteType.Integer);
            p.Add("@Now", SqliteType.Text);
        });
        var parameters = range.Command.Parameters;
        parameters[0].Value = outcomes[0].Id;
        parameters[1].Value = outcomes[^1].Id;
        parameters[2].Value = at;
        var marked = range.Command.ExecuteNonQuery();
        if (marked != outcomes.Count)
        {
            // Never expected; thrown so that the round's transaction is rolled back and retried.
            throw new InvalidOperationException(
                $"Marking inbox rows {outcomes[0].Id}..{outcomes[^1].Id} done changed {marked} rows, not the {outcomes.Count} claimed.");
        }
    }

    /// <summary>Marks each outcome's row by itself: done, or retried (failed once out of attempts); throws if one is not pending any more.</summary>
    internal static void MarkEach(SqliteConnection connection, DbTransaction transaction, IReadOnlyList<InboxOutcome> outcomes, string at, CancellationToken cancellationToken)
    {
        foreach (var outcome in outcomes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var lease = outcome.Error is null
                ? PreparedCommands.Rent(connection, transaction, MarkDoneSql, static p =>
                {
                    p.Add("@Id", SqliteType.Integer);
                    p.Add("@Now", SqliteType.Text);
                })
                : PreparedCommands.Rent(connection, transaction, MarkRetrySql, static p =>
                {
                    p.Add("@Id", SqliteType.Integer);
                    p.Add("@Now", SqliteType.Text);
                    p.Add("@Error", SqliteType.Text);
                    p.AddWithValue("@MaxAttempts", MaxAttempts);
                });
            var p = lease.Command.Parameters;
            p[0].Value = outcome.Id;
            p[1].Value = at;
            if (outcome.Error is not null)
            {
                p[2].Value = outcome.Error;
            }

            if (lease.Command.ExecuteNonQuery() != 1)
            {
                // As with a range: thrown so that the round's transaction is rolled back.
                throw new InvalidOperationException($"Inbox row {outcome.Id} was claimed but is not pending any more.");
            }
        }
    }

    // Retention works in windows of ids (arrival order) from the oldest row: received_at follows
    // the id, so once a window ends with a row newer than both cutoffs nothing after it is old
    // enough, and a run reads only the rows it deletes, the few it keeps, and one more window.
    private const string RetentionWindowSql = """
        SELECT max(id) AS LastId, max(received_at) AS LastReceivedAt, count(*) AS Rows
        FROM (SELECT id, received_at FROM inbox WHERE id > @After ORDER BY id LIMIT @Limit)
        """;

    private const string PurgeWindowSql = """
        DELETE FROM inbox
        WHERE id > @After AND id <= @LastId
          AND ((state = 'done' AND received_at < @ProcessedBefore)
            OR (state = 'failed' AND received_at < @FailedBefore))
        """;

    /// <summary>
    /// Deletes, in a short write transaction of its own, the finished rows of the next window of at
    /// most <paramref name="limit"/> rows after id <paramref name="after"/>: processed rows that
    /// arrived before <paramref name="processedBefore"/>, failed ones before <paramref name="failedBefore"/>.
    /// Pending rows are never touched.
    /// </summary>
    public async Task<InboxPurgeWindow> PurgeWindowAsync(
        long after, int limit, DateTimeOffset processedBefore, DateTimeOffset failedBefore, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var window = await PurgeWindowAsync(write, after, limit, processedBefore, failedBefore, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return window;
    }

    private static async Task<InboxPurgeWindow> PurgeWindowAsync(
        SqliteWrite write, long after, int limit, DateTimeOffset processedBefore, DateTimeOffset failedBefore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var window = await write.Connection.QuerySingleAsync<RetentionWindow>(
            RetentionWindowSql, new { After = after, Limit = limit }, write.Transaction);
        if (window.LastId is not { } lastId)
        {
            return new InboxPurgeWindow(after, 0, Finished: true);
        }

        var deleted = await write.Connection.ExecuteAsync(
            PurgeWindowSql,
            new
            {
                After = after,
                LastId = lastId,
                ProcessedBefore = StoredInstant.Format(processedBefore),
                FailedBefore = StoredInstant.Format(failedBefore),
            },
            write.Transaction);
        var newerCutoff = StoredInstant.Format(processedBefore > failedBefore ? processedBefore : failedBefore);
        var finished = window.Rows < limit || string.CompareOrdinal(window.LastReceivedAt, newerCutoff) >= 0;
        return new InboxPurgeWindow(lastId, deleted, finished);
    }

    private const string CountByStateSql = "SELECT state AS State, COUNT(*) AS Count FROM inbox GROUP BY state";

    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateCount>(CountByStateSql);
        return rows.ToDictionary(r => r.State, r => r.Count, StringComparer.Ordinal);
    }
}

/// <summary>The first and last rows of a retention window, as <c>RetentionWindowSql</c> reads them.</summary>
internal sealed record RetentionWindow(long? LastId, string? LastReceivedAt, long Rows);

/// <summary>Rows in one inbox state.</summary>
internal sealed record StateCount(string State, long Count);
