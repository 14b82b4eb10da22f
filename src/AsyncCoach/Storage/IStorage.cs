namespace AsyncCoach.Storage;

/// <summary>
/// The storage provider's entry point for the host: units of work, the processor's session, and
/// what health checks and operators need to know. One per process (singleton), chosen by
/// <see cref="StorageOptions.Provider"/>; the stores (<c>I*Store</c>) of the same provider work on
/// what it opens.
/// </summary>
public interface IStorage
{
    /// <summary>
    /// A plain local file the provider keeps its data in (SQLite's database file), or null when
    /// there is none (in memory, a URI, a database server). Files that belong with the data are
    /// kept beside it: the inbox journal (<c>{path}.inbox</c>) and the Data Protection key ring
    /// (<c>{path}.keys</c>); with null, the journal is not durable and the key ring goes elsewhere.
    /// </summary>
    string? LocalFilePath { get; }

    /// <summary>Where the data is, for the start-up banner and logs: a full path or a server and database name, never a password.</summary>
    string Description { get; }

    /// <summary>
    /// A unit of work outside the inbox round: a write transaction on a connection of its own,
    /// released when the transaction is disposed. Waits for the process's write turn where the
    /// provider has one (SQLite), so open it only when about to write.
    /// </summary>
    Task<IStorageTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Opens the inbox processor's session (see <see cref="IProcessingSession"/>).</summary>
    Task<IProcessingSession> OpenSessionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// For <c>/readyz</c>, once migrated: null when the database answers a query and is where it
    /// should be; else a problem in plain words (<see cref="StorageProblem.Title"/> short,
    /// <see cref="StorageProblem.Detail"/> saying what is wrong and what it costs). Never throws
    /// for an unreachable database: that is a problem to report.
    /// </summary>
    Task<StorageProblem?> CheckReadyAsync(CancellationToken cancellationToken);
}

/// <summary>Why the database is not ready: a short title and a detail for the operator.</summary>
public sealed record StorageProblem(string Title, string Detail);
