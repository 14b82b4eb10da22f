using AsyncCoach.Storage;

namespace AsyncCoach.Hosting;

/// <summary>
/// Brings the database up to date at start, while the server starts: the migration begins on a
/// thread of its own as soon as the settings are validated (<see cref="StartingAsync"/>) and host
/// start completes only once it is done (<see cref="StartedAsync"/>), so a failure still fails
/// start and <c>StartAsync</c> still returns with the schema in place. In between, Kestrel binds
/// and answers: <c>/readyz</c> says 503 and Slack requests wait (<see cref="DatabaseReadiness"/>).
/// On two cores that overlaps the migration's file work with the server's start-up and its first
/// request's JIT instead of adding the two up.
/// </summary>
public sealed class DatabaseInitializer(IDatabaseMigrator migrator, DatabaseReadiness readiness) : IHostedLifecycleService, IDisposable
{
    // Ends a migration still waiting for its database (PostgreSQL retries one that does not answer) when the host stops.
    private readonly CancellationTokenSource _stopping = new();

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = Task.Factory.StartNew(Initialize, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Every StartAsync has run, so the server is listening.
        StartupTrace.Mark("server listening");
        return readiness.Migrated.WaitAsync(cancellationToken);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // A host may be disposed before it is stopped (a test's restart): nothing waits then.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private void Initialize()
    {
        try
        {
            StartupTrace.Mark("database start");
            // This is its own thread: blocking it costs nobody (SQLite's migration is synchronous anyway).
            migrator.MigrateAsync(_stopping.Token).GetAwaiter().GetResult();

            StartupTrace.Mark("database migrated");
            readiness.SetMigrated();
        }
        catch (Exception ex)
        {
            readiness.SetFailed(ex);
        }
    }
}
