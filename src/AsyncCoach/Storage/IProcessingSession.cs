namespace AsyncCoach.Storage;

/// <summary>
/// The inbox processor's long-lived session (<see cref="IStorage.OpenSessionAsync"/>): one
/// connection kept open across processing rounds, with the statements every round runs compiled
/// once and kept on it. Only the processor's loop uses it, one round at a time, never from two
/// threads at once. After a round fails the processor disposes it and opens a new one (the kept
/// connection may be what failed).
/// </summary>
/// <remarks>
/// The hot path: a round claims pending rows (<see cref="IInboxStore.ClaimPendingAsync"/>), looks
/// every journaled event up in one read (<see cref="BeginRead"/>, <see cref="IInboxStore.IsKnown"/>),
/// and writes everything it produced in ONE transaction (<see cref="BeginRoundAsync"/>): findings,
/// nudges, activity counters, the tracker's pending findings (through the round's
/// <c>IFindingSink</c>), each event's inbox row and the journal position. Implementations must
/// not allocate per statement or per event beyond what the statement needs (commands and their
/// parameters are made once per session and reused).
/// </remarks>
public interface IProcessingSession : IDisposable
{
    /// <summary>Starts a read snapshot on the session's connection, for the round's look-ups.</summary>
    IStorageRead BeginRead();

    /// <summary>
    /// Starts the round's write transaction on the session's connection, waiting for the process's
    /// write turn where the provider has one. Everything the round writes goes through the returned
    /// transaction and commits with it; disposed without commit it rolls back, and the round's
    /// events are processed again (every write in a round is idempotent).
    /// </summary>
    Task<IStorageTransaction> BeginRoundAsync(CancellationToken cancellationToken);
}
