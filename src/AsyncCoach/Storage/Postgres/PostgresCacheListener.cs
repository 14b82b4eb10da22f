using AsyncCoach.Caching;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Keeps this instance's caches (norms, installations, person settings) in step with the other
/// instances: one connection listens on <see cref="Channel"/>, where migration 0008's triggers
/// announce every change in the writer's transaction, and each notice drops the entry it names.
/// When the connection fails, and again each time it is back, every cache is cleared (notices
/// sent meanwhile were lost); it reconnects with a backoff on <see cref="TimeProvider"/>. Bound:
/// another instance's change is served here until its notice arrives (milliseconds after its
/// commit while listening), and never longer than <see cref="CacheOptions.MaxAge"/>.
/// </summary>
public sealed partial class PostgresCacheListener(
    PostgresDatabase database, IServiceProvider services, TimeProvider time, ILogger<PostgresCacheListener> logger) : BackgroundService
{
    public const string Channel = "asynccoach_cache";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>A notice was applied (its payload); raised on the listening thread.</summary>
    public event Action<string>? Applied;

    /// <summary>The listening session started (first or after a failure), after the caches were cleared.</summary>
    public event Action? Listening;

    /// <summary>The listening session failed; the caches were cleared and the retry is scheduled.</summary>
    public event Action? Disconnected;

    /// <summary>True while the listening session is up.</summary>
    public bool IsListening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        await using var source = database.ListenerSource(KeepAlive);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notice) => Apply(notice.Payload);
                await using (var listen = Pg.Command(connection, $"LISTEN {Channel}"))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                ClearAll();
                IsListening = true;
                retry = FirstRetry;
                Log.Started(logger);
                Listening?.Invoke();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                IsListening = false;
                ClearAll();
                Log.Lost(logger, ex.GetType().Name, retry);
            }

            var delay = Task.Delay(retry, time, stoppingToken);
            Disconnected?.Invoke();
            try
            {
                await delay;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
        }
    }

    /// <summary>Drops the cached entry a notice names (<c>norms:T</c>, <c>installation:T</c>, <c>person:T:U</c>).</summary>
    internal void Apply(string payload)
    {
        var parts = payload.Split(':');
        switch (parts)
        {
            case ["norms", var team]:
                services.GetService<INormsStore>()?.Forget(team);
                break;
            case ["installation", var team]:
                services.GetService<IInstallationStore>()?.Forget(team);
                break;
            case ["person", var team, var user]:
                services.GetService<IPersonSettingsStore>()?.Forget(team, user);
                break;
            default:
                Log.Unknown(logger, payload.Length);
                return;
        }

        Applied?.Invoke(payload);
    }

    private void ClearAll()
    {
        foreach (var store in new object?[] { services.GetService<INormsStore>(), services.GetService<IInstallationStore>(), services.GetService<IPersonSettingsStore>() })
        {
            (store as IClearableCache)?.ClearCache();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3750, Level = LogLevel.Information, Message = "Listening for other instances' cache changes; caches cleared")]
        public static partial void Started(ILogger logger);

        [LoggerMessage(EventId = 3751, Level = LogLevel.Warning, Message = "Cache change listener lost its connection ({Error}); caches cleared, reconnecting in {Retry}")]
        public static partial void Lost(ILogger logger, string error, TimeSpan retry);

        [LoggerMessage(EventId = 3752, Level = LogLevel.Warning, Message = "Ignored a cache change notice of an unknown shape ({Length} characters)")]
        public static partial void Unknown(ILogger logger, int length);
    }
}
