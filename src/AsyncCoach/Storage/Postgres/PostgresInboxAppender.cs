using AsyncCoach.Inbox;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// PostgreSQL's acknowledgement: the group commit's batch is one multi-row insert into the shared
/// inbox (<see cref="PostgresInboxStore.AddBatchAsync"/>), committed before Slack is answered. A
/// retry of an event already in the inbox (sent to any instance) is dropped there and answered 200.
/// </summary>
public sealed class PostgresInboxAppender(PostgresInboxStore inbox, DatabaseReadiness readiness) : IInboxAppender
{
    public async Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        // The first batch waits for the migration (the table may not exist before it).
        await readiness.Migrated.WaitAsync(cancellationToken);
        await inbox.AddBatchAsync(entries, cancellationToken);
    }
}
