namespace AsyncCoach.Inbox;

/// <summary>
/// Where the acknowledgement's group commit (<see cref="InboxWriter"/>) makes a batch of events
/// durable before Slack is answered; chosen by the storage provider. SQLite: the local inbox
/// journal (<see cref="JournalAppender"/>). PostgreSQL: one multi-row insert into the shared
/// inbox table. Once the returned task completes, every entry survives a crash of the process;
/// if it throws, none of the batch may be counted as acknowledged.
/// </summary>
public interface IInboxAppender
{
    Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken);
}
