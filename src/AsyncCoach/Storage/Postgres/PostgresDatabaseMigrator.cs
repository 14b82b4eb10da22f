using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The PostgreSQL provider's <see cref="IDatabaseMigrator"/>: <see cref="PostgresMigrator"/> under its
/// advisory lock. A database that does not answer at start (down, restarting, not reachable yet) is
/// waited out rather than ending the process: each failed try logs one line naming the server
/// (never the password), marks <see cref="DatabaseReadiness.Unreachable"/> so <c>/readyz</c> and
/// Slack's events answer 503 meanwhile, and the next try comes after 1 s, doubling to 30 s, on the
/// injected clock. What waiting cannot fix (a wrong password, a missing database, a failing
/// script) still fails start at once.
/// </summary>
public sealed partial class PostgresDatabaseMigrator(
    PostgresDatabase database, TimeProvider time, DatabaseReadiness readiness, ILogger<PostgresDatabaseMigrator> logger) : IDatabaseMigrator
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        var failures = 0;
        while (true)
        {
            try
            {
                var applied = await PostgresMigrator.MigrateAsync(database, time.GetUtcNow(), cancellationToken);
                if (failures > 0)
                {
                    Log.Reached(logger, database.Description, failures);
                }

                return applied;
            }
            catch (Exception ex) when (IsUnreachable(ex) && !cancellationToken.IsCancellationRequested)
            {
                failures++;
                readiness.SetUnreachable(ex.Message);
                Log.Unreachable(logger, database.Description, ex.Message, retry.TotalSeconds);
                await Task.Delay(retry, time, cancellationToken);
                retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
            }
        }
    }

    // Connection refused or reset, a timeout, the server starting up or shutting down: Npgsql's own
    // judgement of what a later try may not meet again.
    private static bool IsUnreachable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or TimeoutException;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3940, Level = LogLevel.Error,
            Message = "{Database} is unreachable at start ({Reason}): /readyz and Slack's events answer 503 until it answers; trying again in {RetrySeconds} s")]
        public static partial void Unreachable(ILogger logger, string database, string reason, double retrySeconds);

        [LoggerMessage(EventId = 3941, Level = LogLevel.Information, Message = "{Database} answers after {Failures} failed tries; migrated")]
        public static partial void Reached(ILogger logger, string database, int failures);
    }
}
