using System.Text.Json;
using System.Threading.Channels;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Nudges;

/// <summary>
/// Delivers outbox nudges. Each team has its own lane of <see cref="NudgeOptions.SendsPerTeam"/>
/// call slots, fed as rows come due, so a team whose calls wait on Slack's rate limit never holds
/// up another team, and a row waits only for a free slot. Marking a row as sending and ending it
/// are group-committed with the other calls in flight. Short waits (a 429 whose
/// <c>Retry-After</c> is within <c>Slack:MaxRetryAfter</c>) happen inside the resilient client, in
/// that team's lane; longer ones come back as <c>ratelimited</c> with a <c>RetryAfter</c> and the
/// outbox defers all of that team's nudges until then. Rows left mid-call by a crash are ended
/// (at most once), pending rows are resumed after a restart, and a nudge past its freshness
/// window expires instead of going out late.
/// </summary>
public sealed partial class OutboxSender(
    NudgeStore store,
    InstallationStore installations,
    OutboxSignal signal,
    IServiceProvider services,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    IEnumerable<INudgeObserver> observers,
    DatabaseReadiness database,
    ILogger<OutboxSender> logger) : BackgroundService
{
    // Errors that will not heal: the nudge ends with that reason.
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived", "account_inactive",
        "msg_too_long", "no_text", "invalid_blocks", "messages_tab_disabled", "restricted_action", "missing_scope",
        "user_not_found", "cannot_dm_bot",
    };

    // The token no longer works: stop sending for the team until it is reinstalled.
    private static readonly HashSet<string> Revoked = new(StringComparer.Ordinal) { "token_revoked", "invalid_auth", "not_authed" };

    private readonly INudgeObserver[] _observers = [.. observers];
    private readonly Dictionary<string, TeamLane> _lanes = new(StringComparer.Ordinal);

    // Rows handed to a lane and not finished yet, so the next round does not hand them out again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _inFlight = new();

    // The last round found a full batch: finishing a row should wake the loop to fetch more.
    private volatile bool _moreDue;

    // Resolved on first use, in the loop: live, the typed client (HttpClientFactory, the
    // resilience pipeline) added 50-80 ms to start while the host resolved its hosted services.
    // Each row goes out with its own team's client (that team's token, or dry-run).
    private readonly Lazy<ISlackClientFactory> _slack = new(services.GetRequiredService<ISlackClientFactory>);

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

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = settings.PollInterval;
            try
            {
                // Lanes with nothing queued or running are closed; only this loop adds to them.
                foreach (var idle in _lanes.Where(l => l.Value.IsIdle).Select(l => l.Key).ToList())
                {
                    _lanes.Remove(idle, out var lane);
                    lane!.Close();
                }

                var now = time.GetUtcNow();
                var due = await store.DueAsync(now, settings.BatchSize, stoppingToken);
                _moreDue = due.Count >= settings.BatchSize;
                foreach (var row in due)
                {
                    if (!_lanes.TryGetValue(row.TeamId, out var lane))
                    {
                        lane = new TeamLane(this, Math.Max(1, settings.SendsPerTeam), stoppingToken);
                        _lanes[row.TeamId] = lane;
                    }

                    if (!lane.IsStopped && _inFlight.TryAdd(row.Id, 0) && !lane.TryEnqueue(row))
                    {
                        _inFlight.TryRemove(row.Id, out _);
                    }
                }

                if (await store.NextDueAsync(now, stoppingToken) is { } next && next - now < wait)
                {
                    wait = next - now;
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

            await WaitAsync(wait, stoppingToken);
        }

        foreach (var lane in _lanes.Values)
        {
            lane.Close();
        }

        try
        {
            await Task.WhenAll(_lanes.Values.Select(l => l.Completion));
        }
        catch (OperationCanceledException)
        {
            // Stopping; rows mid-call stay 'sending' and are ended at the next start.
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

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Timed out, or stopping.
        }
    }

    private void LogSendFailed(long id, Exception exception) => Log.SendFailed(logger, id, exception);

    /// <summary>Called by a lane when it is done with a row (sent, ended, deferred or dropped).</summary>
    private void Finished(long id)
    {
        _inFlight.TryRemove(id, out _);
        if (_moreDue)
        {
            signal.Notify();
        }
    }

    /// <summary>
    /// One team's sends: up to <see cref="NudgeOptions.SendsPerTeam"/> calls in flight, fed
    /// continuously (a row starts as soon as a call slot is free, not when a whole batch is done).
    /// The first row that stops the lane (rate limited, revoked) drops what is queued; those rows
    /// stay pending in the outbox and come back when due.
    /// </summary>
    private sealed class TeamLane
    {
        private readonly OutboxSender _sender;
        private readonly Channel<OutboxRow> _queue = Channel.CreateUnbounded<OutboxRow>(new UnboundedChannelOptions { SingleWriter = true });
        private int _count;
        private volatile bool _stopped;

        public TeamLane(OutboxSender sender, int sends, CancellationToken stoppingToken)
        {
            _sender = sender;
            Completion = Task.WhenAll(Enumerable.Range(0, sends).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));
        }

        public Task Completion { get; }

        public bool IsStopped => _stopped;

        /// <summary>Nothing queued or running; only the loop adds rows, so this cannot change under it.</summary>
        public bool IsIdle => Volatile.Read(ref _count) == 0;

        /// <summary>False when the lane has just stopped; the row stays pending and comes back when due.</summary>
        public bool TryEnqueue(OutboxRow row)
        {
            Interlocked.Increment(ref _count);
            if (_queue.Writer.TryWrite(row))
            {
                return true;
            }

            Interlocked.Decrement(ref _count);
            return false;
        }

        public void Close() => _queue.Writer.TryComplete();

        private async Task RunAsync(CancellationToken stoppingToken)
        {
            try
            {
                while (await _queue.Reader.WaitToReadAsync(stoppingToken))
                {
                    while (_queue.Reader.TryRead(out var row))
                    {
                        try
                        {
                            if (!_stopped && !await _sender.SendAsync(row, stoppingToken))
                            {
                                _stopped = true;
                                Close();
                            }
                        }
                        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                        {
                            return;
                        }
                        catch (Exception ex)
                        {
                            _sender.LogSendFailed(row.Id, ex);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _count);
                            _sender.Finished(row.Id);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping; rows mid-call stay 'sending' and are ended at the next start.
            }
        }
    }

    /// <summary>Delivers one row; false when the team's lane should stop (rate limited, revoked).</summary>
    private async Task<bool> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["team_id"] = row.TeamId, ["channel_id"] = row.ChannelId, ["nudge_id"] = row.Id });
        var now = time.GetUtcNow();
        if (!await installations.IsActiveAsync(row.TeamId, cancellationToken))
        {
            await EndAsync(row, NudgeStore.Failed, "installation_inactive", null, now, cancellationToken);
            return true;
        }

        if (now >= row.ExpiresAt || row.ContentJson is null)
        {
            await EndAsync(row, NudgeStore.Expired, "stale", null, now, cancellationToken);
            return true;
        }

        if (!await store.MarkSendingAsync(row.Id, cancellationToken))
        {
            return true;
        }

        var content = JsonSerializer.Deserialize(row.ContentJson, NudgeJsonContext.Default.NudgeContent)
            ?? throw new JsonException("empty nudge content");
        var message = NudgeBlocks.Build(content, row.Id);
        try
        {
            if (row.Delivery == nameof(NudgeDelivery.Dm))
            {
                // A user id as channel posts in the app's Messages tab with the author.
                await _slack.Value.ForTeam(row.TeamId).PostMessageAsync(message.ToPostMessage(row.AuthorId), cancellationToken);
            }
            else
            {
                await _slack.Value.ForTeam(row.TeamId).PostEphemeralAsync(message.ToPostEphemeral(row.ChannelId, row.AuthorId, row.ThreadTs), cancellationToken);
            }

            await EndAsync(row, NudgeStore.Sent, null, "ok", time.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            now = time.GetUtcNow();
            if (Revoked.Contains(ex.Error))
            {
                await installations.SetAsync(row.TeamId, active: false, ex.Error, now, cancellationToken);
                await EndAsync(row, NudgeStore.Failed, ex.Error, ex.Error, now, cancellationToken);
                Log.Revoked(logger, ex.Error);
                return false;
            }

            if (Permanent.Contains(ex.Error) || !ex.IsTransient)
            {
                await EndAsync(row, NudgeStore.Failed, ex.Error, ex.Error, now, cancellationToken);
                return true;
            }

            if (ex.RetryAfter is { } retryAfter)
            {
                await DeferAsync(row, ex.Error, now + retryAfter, wholeTeam: true, now, cancellationToken);
                return false;
            }

            await DeferAsync(row, ex.Error, now + Backoff(row.Attempts + 1), wholeTeam: false, now, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            await DeferAsync(row, ex.GetType().Name, now + Backoff(row.Attempts + 1), wholeTeam: false, now, cancellationToken);
            return true;
        }
    }

    private TimeSpan Backoff(long attempt)
    {
        var settings = options.Value;
        var delay = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private async Task EndAsync(OutboxRow row, string state, string? reason, string? outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.EndAsync(row.Id, state, reason, outcome, now, cancellationToken);
        if (reason is null)
        {
            Log.EndedPlainly(logger, row.Id, state);
        }
        else
        {
            Log.Ended(logger, row.Id, state, reason);
        }
        Notify(row.Id, outcome ?? state);
    }

    private async Task DeferAsync(OutboxRow row, string outcome, DateTimeOffset retryAt, bool wholeTeam, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.DeferAsync(row, outcome, retryAt, wholeTeam, now, cancellationToken);
        Log.Deferred(logger, row.Id, outcome, retryAt);
        Notify(row.Id, outcome);
        signal.Notify();
    }

    private void Notify(long id, string outcome)
    {
        foreach (var observer in _observers)
        {
            observer.AttemptRecorded(id, outcome);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1811, Level = LogLevel.Information, Message = "Nudge {NudgeId} ended {State} ({Reason})")]
        public static partial void Ended(ILogger logger, long nudgeId, string state, string reason);

        // Without a reason (a nudge sent), not "ended sent ((null))".
        [LoggerMessage(EventId = 1819, Level = LogLevel.Information, Message = "Nudge {NudgeId} ended {State}")]
        public static partial void EndedPlainly(ILogger logger, long nudgeId, string state);

        [LoggerMessage(EventId = 1812, Level = LogLevel.Information, Message = "Nudge {NudgeId} deferred after {Outcome} until {RetryAt}")]
        public static partial void Deferred(ILogger logger, long nudgeId, string outcome, DateTimeOffset retryAt);

        [LoggerMessage(EventId = 1813, Level = LogLevel.Warning, Message = "Slack answered {Error}: the installation is inactive; no nudges for this team until it is reinstalled")]
        public static partial void Revoked(ILogger logger, string error);

        [LoggerMessage(EventId = 1814, Level = LogLevel.Warning, Message = "{Count} nudges were mid-call when the service stopped; ended as interrupted rather than risk a duplicate")]
        public static partial void Interrupted(ILogger logger, int count);

        [LoggerMessage(EventId = 1817, Level = LogLevel.Error, Message = "Sending nudge {NudgeId} failed unexpectedly")]
        public static partial void SendFailed(ILogger logger, long nudgeId, Exception exception);

        [LoggerMessage(EventId = 1818, Level = LogLevel.Error, Message = "An outbox round failed; retrying after the poll interval")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
