namespace AsyncCoach.Storage;

/// <summary>
/// Whether the database has been brought up to date at start. The server listens while the
/// migration runs (<see cref="Hosting.DatabaseInitializer"/>); until it is done <c>/readyz</c>
/// answers 503 and Slack requests wait for it.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the database is migrated; faults if that failed.</summary>
    public Task Migrated => _migrated.Task;

    public bool IsMigrated => _migrated.Task.IsCompletedSuccessfully;

    internal void SetMigrated() => _migrated.TrySetResult();

    internal void SetFailed(Exception exception) => _migrated.TrySetException(exception);
}
