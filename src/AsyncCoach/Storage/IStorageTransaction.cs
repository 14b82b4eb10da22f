namespace AsyncCoach.Storage;

/// <summary>
/// One unit of work's write transaction, opened by <see cref="IStorage.BeginTransactionAsync"/> or
/// <see cref="IProcessingSession.BeginRoundAsync"/>. Store methods that take one write inside it,
/// so everything written through the same transaction commits together or not at all.
/// </summary>
/// <remarks>
/// Opaque on purpose: only the provider that opened it knows its connection, and its stores may
/// pass it only to stores of the same provider (a store given another provider's transaction
/// throws <see cref="ArgumentException"/>). Not thread-safe: one caller at a time, as a
/// connection is. A provider that serialises writers (SQLite: one writer per process) holds its
/// write turn from the moment this is opened until it is disposed, so keep it short and do no
/// I/O other than the database's while it is open.
/// </remarks>
public interface IStorageTransaction : IAsyncDisposable
{
    /// <summary>
    /// Makes every write of the transaction durable (as durable as the provider's configured
    /// commit durability: see <see cref="StorageOptions.Synchronous"/> for SQLite). Once the
    /// returned task completes, a crash of the process does not undo them. Call at most once.
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken);

    // DisposeAsync without CommitAsync rolls back: none of the transaction's writes happened.
    // Either way, whatever the transaction held (a connection, the write turn) is released.
}
