namespace AsyncCoach.Inbox;

/// <summary>
/// The inbox's backlog for the metrics: how many acknowledged events are not processed yet, and
/// when the oldest of them arrived. Read at each metrics collection, never on the hot path.
/// SQLite's is the local journal (<see cref="JournalBacklog"/>); PostgreSQL's counts the pending
/// rows every instance shares.
/// </summary>
public interface IInboxBacklog
{
    InboxBacklog Read();
}

/// <summary>Events waiting and when the oldest arrived (null when none waits).</summary>
public readonly record struct InboxBacklog(long Pending, DateTimeOffset? OldestReceivedAt);

/// <summary>The backlog of this process's journal: records written and not yet processed.</summary>
public sealed class JournalBacklog(InboxJournal journal) : IInboxBacklog
{
    public InboxBacklog Read() => new(journal.PendingCount, journal.OldestPendingReceivedAt);
}
