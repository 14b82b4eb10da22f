using AsyncCoach.Observability;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Nudges;

/// <summary>
/// Delivers the outbox, every kind (nudges, digests, App Home views) through its
/// <see cref="IOutboxKindSender"/>. Each team has its own lane (<see cref="OutboxLane"/>) of
/// <see cref="NudgeOptions.SendsPerTeam"/> call slots, fed as rows come due, so a team whose calls
/// wait on Slack's rate limit never holds up another team, and a row waits only for a free slot.
/// A round reads due rows oldest first, passing over teams busy with a backlog (so one
/// workspace's backlog does not delay another's first message), and claims the rows it hands out
/// in one commit before any is sent; what happens to each row is <see cref="OutboxDelivery"/>'s
/// (the send policy: expiry, retries, 429 holds, revoked tokens), and ending a row is
/// group-committed with the other calls in flight. Rows left mid-call by a crash are ended (at
/// most once), pending rows are resumed after a restart.
/// </summary>
public sealed partial class OutboxSender(
    IOutboxStore store,
    IInstallationStore installations,
    IEnumerable<IOutboxKindSender> kinds,
    OutboxSignal signal,
    OutboxHandoff handoff,
    IServiceProvider services,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    IEnumerable<INudgeObserver> observers,
    DatabaseReadiness database,
    AsyncCoachMetrics metrics,
    ILogger<OutboxSender> logger) : BackgroundService
{
    // Resolved on first use, in the loop: live, the typed client (HttpClientFactory, the
    // resilience pipeline) added 50-80 ms to start while the host resolved its hosted services.
    private readonly Lazy<ISlackClientFactory> _slack = new(services.GetRequiredService<ISlackClientFactory>);

    /// <summary>Made once, in the loop: the send policy holds the teams' rate-limit holds, the lanes their rows.</summary>
    private OutboxLanes NewLanes(OutboxPostponedWrites writes, CancellationToken stoppingToken) => new(store, installations, new OutboxDelivery(
            store, installations, kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal), team => _slack.Value.ForTeam(team, SlackCallPolicy.SingleAttempt),
            signal, time, options.Value, [.. observers], metrics, writes, logger),
        signal, Math.Max(1, options.Value.SendsPerTeam), stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await database.WaitForMigrationAsync(stoppingToken))
            {
                return;
            }

            await StartUpAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        // Only now, after the rows a previous process left mid-call were ended: a row an inbox
        // round wrote claimed before that would have been ended with them.
        var writes = new OutboxPostponedWrites(logger);
        var lanes = NewLanes(writes, stoppingToken);
        handoff.Open(lanes);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = settings.PollInterval;
            try
            {
                if (writes.Count > 0 && await writes.RetryAsync() > 0 && settings.RetryBaseDelay < wait)
                {
                    // Outcomes still unwritten (the database is failing): tried again soon, not
                    // only at the next poll.
                    wait = settings.RetryBaseDelay;
                }

                var now = time.GetUtcNow();
                lanes.CloseIdle(now);
                var busy = lanes.BusyTeams();
                var (due, next) = await store.DueAsync(now, settings.BatchSize, busy, stoppingToken);
                await lanes.HandOutAsync(due, now, full: due.Count >= settings.BatchSize || busy.Count > 0, stoppingToken);

                if (next is { } nextDue && nextDue - now < wait)
                {
                    wait = nextDue - now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.RoundFailed(logger, ex);
            }

            if (await WaitAsync(wait, stoppingToken) && settings.WakeDelay > TimeSpan.Zero)
            {
                await CoalesceAsync(settings.WakeDelay, stoppingToken);
            }
        }

        try
        {
            await lanes.CloseAllAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopping; rows mid-call stay 'sending' and are ended at the next start.
        }

        if (writes.Count > 0 && await writes.RetryAsync() is > 0 and var left)
        {
            Log.Unwritten(logger, left);
        }
    }

    private async Task StartUpAsync(CancellationToken cancellationToken)
    {
        var interrupted = await store.RecoverInterruptedAsync(time.GetUtcNow(), cancellationToken);
        if (interrupted > 0)
        {
            Log.Interrupted(logger, interrupted);
        }

        // A team is reactivated by a new token (a reinstall, or a configured token that passes
        // auth.test at start: Installations/ConfiguredBotToken), not here.
    }

    /// <summary>Waits for a signal or until <paramref name="wait"/> has passed; true when signalled.</summary>
    private async Task<bool> WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await signal.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            // Timed out, or stopping.
            return false;
        }
    }

    /// <summary>Lets the commits of the next few milliseconds join this round (<see cref="NudgeOptions.WakeDelay"/>).</summary>
    private async Task CoalesceAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1814, Level = LogLevel.Warning, Message = "{Count} nudges were mid-call when the service stopped; ended as interrupted rather than risk a duplicate")]
        public static partial void Interrupted(ILogger logger, int count);

        [LoggerMessage(EventId = 4246, Level = LogLevel.Warning, Message = "Stopping with the outcome of {Count} outbox rows unwritten (the database failed); they stay 'sending' and are ended as interrupted at the next start")]
        public static partial void Unwritten(ILogger logger, int count);

        [LoggerMessage(EventId = 1818, Level = LogLevel.Error, Message = "An outbox round failed; retrying after the poll interval")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
