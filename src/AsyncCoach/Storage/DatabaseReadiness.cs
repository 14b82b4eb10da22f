namespace AsyncCoach.Storage;

/// <summary>
/// Whether the database has been brought up to date at start. The server listens while the
/// migration runs (<see cref="Hosting.DatabaseInitializer"/>); until it is done <c>/readyz</c>
/// answers 503, Slack requests wait for it, and so do the background loops.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the database is migrated; faults if that failed.</summary>
    public Task Migrated => _migrated.Task;

    public bool IsMigrated => _migrated.Task.IsCompletedSuccessfully;

    /// <summary>
    /// For the background loops: waits until the database is migrated, and says false if the
    /// migration failed (start fails then) or <paramref name="stoppingToken"/> fired first.
    /// </summary>
    public async Task<bool> WaitForMigrationAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Migrated.WaitAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException || Migrated.IsFaulted)
        {
            return false;
        }
    }

    internal void SetMigrated() => _migrated.TrySetResult();

    internal void SetFailed(Exception exception) => _migrated.TrySetException(exception);
}
