namespace AsyncCoach.Inbox;

/// <summary>An acknowledged event in the journal, and the position just after it.</summary>
public sealed record JournalRecord(InboxEntry Entry, long End);
