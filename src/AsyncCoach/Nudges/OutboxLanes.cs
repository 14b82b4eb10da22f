using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// The teams' lanes and what a round hands them: as many due rows per team as its lane takes
/// (<see cref="OutboxLane.Free"/>), the ones that will call Slack claimed first, all in one
/// commit; a row that needs no call (expired, its kind unknown, its team inactive) goes unclaimed
/// and is ended by the lane. A team that had rows left over is backlogged: while its lane is busy,
/// rounds pass over its rows (<see cref="BusyTeams"/>), so the rows of other teams behind them are
/// seen. Only the sender's loop calls in here; lanes report back through <see cref="Finished"/>.
/// </summary>
internal sealed class OutboxLanes(IOutboxStore store, IInstallationStore installations, OutboxDelivery delivery, OutboxSignal signal, int sends)
{
    private readonly Dictionary<string, OutboxLane> _lanes = new(StringComparer.Ordinal);

    // Teams whose due rows outnumbered their lane's free slots.
    private readonly HashSet<string> _backlogged = new(StringComparer.Ordinal);

    // Rows handed to a lane and not finished yet, so the next round does not hand them out again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _inFlight = new();

    // The last round left due rows behind (a lane was full): finishing a row should wake the loop to hand out more.
    private volatile bool _moreDue;

    // Idle lanes, since when (the loop's clock): an idle lane is kept for IdleLaneLifetime, so a
    // team whose messages come one at a time keeps its lane instead of getting a new one (a
    // channel and SendsPerTeam workers started) for each.
    private readonly Dictionary<string, DateTimeOffset> _idleSince = new(StringComparer.Ordinal);

    /// <summary>How long a lane with nothing queued or running is kept before it is closed.</summary>
    public static readonly TimeSpan IdleLaneLifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Closes the lanes that have had nothing queued or running for <see cref="IdleLaneLifetime"/>,
    /// and at once the idle lanes that stopped (a rate limit, a revoked token), so their team's
    /// next rows get a new lane (only the loop adds to them).
    /// </summary>
    public void CloseIdle(DateTimeOffset now)
    {
        List<string>? closing = null;
        foreach (var (team, lane) in _lanes)
        {
            if (!lane.IsIdle)
            {
                _idleSince.Remove(team);
                continue;
            }

            if (!_idleSince.TryGetValue(team, out var since))
            {
                _idleSince[team] = since = now;
            }

            if (lane.IsStopped || now - since >= IdleLaneLifetime)
            {
                (closing ??= []).Add(team);
            }
        }

        foreach (var team in closing ?? [])
        {
            _lanes.Remove(team, out var lane);
            _idleSince.Remove(team);
            lane!.Close();
        }
    }

    /// <summary>The backlogged teams whose lanes take no rows now: this round passes over their rows.</summary>
    public List<string> BusyTeams()
    {
        var busy = new List<string>();
        foreach (var team in _backlogged)
        {
            if (_lanes.TryGetValue(team, out var lane) && (lane.Free == 0 || lane.IsStopped))
            {
                busy.Add(team);
            }
        }

        return busy;
    }

    /// <summary>Hands a round's due rows out; <paramref name="full"/>: the round did not see every due row.</summary>
    public async Task HandOutAsync(IReadOnlyList<DueRow> due, DateTimeOffset now, bool full, CancellationToken stoppingToken)
    {
        var more = full;
        var free = new Dictionary<string, int>(StringComparer.Ordinal);
        var claim = new List<long>();
        var unclaimed = new List<OutboxRow>();
        foreach (var row in due)
        {
            if (_inFlight.ContainsKey(row.Id))
            {
                continue;
            }

            var lane = LaneFor(row.TeamId, stoppingToken);
            var slots = free.TryGetValue(row.TeamId, out var left) ? left : lane.Free;
            if (lane.IsStopped || slots <= 0)
            {
                _backlogged.Add(row.TeamId);
                more = true;
                continue;
            }

            free[row.TeamId] = slots - 1;
            _idleSince.Remove(row.TeamId);
            if (now < row.ExpiresAt && delivery.Knows(row.Kind) && await installations.IsActiveAsync(row.TeamId, stoppingToken))
            {
                claim.Add(row.Id);
            }
            else
            {
                unclaimed.Add(new OutboxRow(row.Id, row.TeamId, "", "", null, "", row.Kind, null, IOutboxStore.Pending, 0, row.ExpiresAt, row.Kind));
            }
        }

        // A team all of whose rows fitted is caught up.
        foreach (var (team, slots) in free)
        {
            if (slots > 0)
            {
                _backlogged.Remove(team);
            }
        }

        foreach (var row in unclaimed)
        {
            Enqueue(row);
        }

        // Not cancelled by stopping: a claim, once queued, commits whether or not anyone still
        // waits for it, and rows claimed with no one to send or give them back would stay
        // 'sending' until the next start ended them as interrupted. A stopping lane gives back
        // what it is handed (OutboxDelivery), and a row no lane takes is given back here.
        foreach (var row in await store.ClaimAsync(claim, CancellationToken.None))
        {
            if (!Enqueue(row))
            {
                // The lane stopped (a rate limit, or stopping) while the claim was committing: give it back.
                await delivery.ReleaseAsync(row, CancellationToken.None);
            }
        }

        _moreDue = more;
    }

    /// <summary>Closes every lane and completes once their queued rows went through (stopping).</summary>
    public Task CloseAllAsync()
    {
        foreach (var lane in _lanes.Values)
        {
            lane.Close();
        }

        return Task.WhenAll(_lanes.Values.Select(l => l.Completion));
    }

    private OutboxLane LaneFor(string teamId, CancellationToken stoppingToken)
    {
        if (!_lanes.TryGetValue(teamId, out var lane))
        {
            lane = new OutboxLane(delivery.SendAsync, delivery.SendThrew, Finished, sends, stoppingToken);
            _lanes[teamId] = lane;
        }

        return lane;
    }

    private bool Enqueue(OutboxRow row)
    {
        if (_inFlight.TryAdd(row.Id, 0) && _lanes[row.TeamId].TryEnqueue(row))
        {
            return true;
        }

        _inFlight.TryRemove(row.Id, out _);
        return false;
    }

    /// <summary>
    /// Called by a lane when it is done with a row (sent, ended, deferred or given back). Wakes
    /// the loop only when rows were left behind and this lane takes more now: a lane that is still
    /// more than half full does not, so a backlog does not make the loop read on every call.
    /// </summary>
    private void Finished(long id, bool takesMore)
    {
        _inFlight.TryRemove(id, out _);
        if (_moreDue && takesMore)
        {
            signal.Notify();
        }
    }
}
