namespace AsyncCoach.Storage;

/// <summary>
/// Whether the database has been brought up to date at start. The server listens while the
/// migration runs (<see cref="Hosting.DatabaseInitializer"/>); until it is done <c>/readyz</c>
/// answers 503, Slack requests wait for it (or get a 503 once the database is found unreachable,
/// <see cref="Unreachable"/>), and the background loops wait for it.
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

    private readonly TaskCompletionSource _unreachableOnce = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _unreachable;

    /// <summary>
    /// Why the migration is still waiting: the database did not answer its last try (a provider
    /// that retries, PostgreSQL, says so); null once migrated, or while nothing has failed.
    /// </summary>
    public string? Unreachable => _unreachable;

    /// <summary>Completes the first time the migration finds the database unreachable.</summary>
    public Task FirstUnreachable => _unreachableOnce.Task;

    internal void SetUnreachable(string reason)
    {
        _unreachable = reason;
        _unreachableOnce.TrySetResult();
    }

    internal void SetMigrated()
    {
        _unreachable = null;
        _migrated.TrySetResult();
    }

    internal void SetFailed(Exception exception) => _migrated.TrySetException(exception);
}
