using AsyncCoach.Inbox;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// PostgreSQL's acknowledgement: the group commit's batch is one multi-row insert into the shared
/// inbox (<see cref="PostgresInboxStore.AddBatchAsync"/>), committed before Slack is answered. A
/// retry of an event already in the inbox (sent to any instance) is dropped there and answered 200.
/// Before the migration the batch waits for it, unless the database has not answered the
/// migration (<see cref="DatabaseReadiness.Unreachable"/>): then it fails at once, so Slack gets
/// its 503 and retries instead of waiting past its own timeout.
/// </summary>
public sealed class PostgresInboxAppender(PostgresInboxStore inbox, DatabaseReadiness readiness) : IInboxAppender
{
    public async Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        if (!readiness.IsMigrated)
        {
            // The first batches wait for the migration (the table may not exist before it).
            await Task.WhenAny(readiness.Migrated, readiness.FirstUnreachable).WaitAsync(cancellationToken);
            if (!readiness.IsMigrated)
            {
                throw new IOException($"The database is not migrated yet: {readiness.Unreachable ?? "the migration failed"}.");
            }
        }

        await inbox.AddBatchAsync(entries, cancellationToken);
    }
}
