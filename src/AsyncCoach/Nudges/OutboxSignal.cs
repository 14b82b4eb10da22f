using AsyncCoach.Hosting;

namespace AsyncCoach.Nudges;

/// <summary>Wakes the outbox sender when a message is committed to the outbox.</summary>
public sealed class OutboxSignal : WakeSignal;
