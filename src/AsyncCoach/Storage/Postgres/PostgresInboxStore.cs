using AsyncCoach.Inbox;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The inbox on PostgreSQL: an acknowledged event is a row of the <c>inbox</c> table before Slack
/// gets its 200 (with PostgreSQL there is no local journal: every instance must see every event).
/// A batch is one multi-row insert, unique on <c>event_id</c> with <c>ON CONFLICT DO NOTHING</c>,
/// so a Slack retry (to this instance or another) is recognised at acknowledgement.
/// </summary>
public sealed class PostgresInboxStore(PostgresDatabase database)
{
    private const string AddBatchSql = """
        INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, payload)
        SELECT * FROM unnest(@EventIds, @TeamIds, @ChannelIds, @EventTypes, @ReceivedAts, @Payloads)
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
            .With("Payloads", batch.Select(e => e.Payload).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            added.Add(reader.GetString(0));
        }

        return added;
    }
}
