namespace AsyncCoach.Inbox;

/// <summary>SQLite's acknowledgement: the batch appended to the local inbox journal (opened first, once).</summary>
public sealed class JournalAppender(InboxJournal journal) : IInboxAppender
{
    public async Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        // The first batch waits for the database's migration and the journal's recovery.
        await journal.EnsureOpenAsync(cancellationToken);
        journal.Append(entries);
    }
}
