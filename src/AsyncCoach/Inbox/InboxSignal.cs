using AsyncCoach.Hosting;

namespace AsyncCoach.Inbox;

/// <summary>Wakes the inbox processor when new rows are committed.</summary>
public sealed class InboxSignal : WakeSignal;
