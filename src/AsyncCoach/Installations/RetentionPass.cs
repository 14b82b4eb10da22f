using AsyncCoach.Observability;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Installations;

/// <summary>
/// Nothing is kept for ever: at start and then every <see cref="RetentionOptions.Interval"/> (on
/// <see cref="TimeProvider"/>), deletes the data of teams that left more than
/// <see cref="RetentionOptions.UninstalledTeamDays"/> ago and everything older than the retention
/// periods (<see cref="ITeamDataStore"/> knows the tables): each team's own <c>retention_days</c>
/// norm, else <see cref="RetentionOptions.DataDays"/>.
/// </summary>
public sealed partial class RetentionPass(
    ITeamDataStore data,
    IInstallationStore installations,
    INormsStore norms,
    DatabaseReadiness database,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    AsyncCoachMetrics metrics,
    ILogger<RetentionPass> logger) : BackgroundService
{
    /// <summary>One pass, as of now.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        foreach (var team in await data.TeamsLeftBeforeAsync(now.AddDays(-settings.UninstalledTeamDays), cancellationToken))
        {
            await PurgeTeamAsync(team, cancellationToken);
        }

        var teamsBefore = (await norms.RetentionDaysAsync(cancellationToken)).ToDictionary(t => t.Key, t => now.AddDays(-t.Value), StringComparer.Ordinal);
        var dataBefore = now.AddDays(-settings.DataDays);
        var countersBefore = now.AddDays(-settings.CounterDays);
        var dryRunBefore = now.AddDays(-settings.DryRunCallDays);
        var deleted = await data.DeleteOldAsync(dataBefore, teamsBefore, dryRunBefore, now, cancellationToken);
        deleted.Add("activity_counters", await data.DeleteOldCountersAsync(countersBefore, cancellationToken));
        metrics.RetentionDeleted(deleted.Counts);
        Log.Pass(logger, deleted.Total, deleted.ToString(), dataBefore, teamsBefore.Count, countersBefore, dryRunBefore);
    }

    /// <summary>Deletes everything stored about a team that left.</summary>
    public async Task PurgeTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var deleted = await data.DeleteTeamAsync(teamId, cancellationToken);
        installations.Forget(teamId);
        metrics.RetentionDeleted(deleted.Counts);
        Log.Purged(logger, teamId, deleted.Total, deleted.ToString());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await database.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.Failed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2230, Level = LogLevel.Information, Message = "Deleted the data of team {TeamId}, which left: {Total} rows ({Deleted})")]
        public static partial void Purged(ILogger logger, string teamId, int total, string deleted);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Information,
            Message = "Retention pass deleted {Total} rows ({Deleted}); cut-offs: findings, nudges and feedback before {DataBefore} ({OwnPeriods} teams with their own retention_days), activity counters before {CountersBefore}, dry-run calls before {DryRunBefore}")]
        public static partial void Pass(ILogger logger, int total, string deleted, DateTimeOffset dataBefore, int ownPeriods, DateTimeOffset countersBefore, DateTimeOffset dryRunBefore);

        [LoggerMessage(EventId = 2231, Level = LogLevel.Error, Message = "A retention pass failed; retried at the next one")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
