using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// The teams' lanes and what a round hands them: as many due rows per team as its lane takes
/// (<see cref="OutboxLane.Free"/>), the ones that will call Slack claimed first, all in one
/// commit; a row that needs no call (expired, its kind unknown, its team inactive) goes unclaimed
/// and is ended by the lane. A team that had rows left over is backlogged: while its lane is busy,
/// rounds pass over its rows (<see cref="BusyTeams"/>), so the rows of other teams behind them are
/// seen. The sender's loop calls in here, and the inbox round hands over the rows it wrote
/// claimed (<see cref="OutboxHandoff"/>: <see cref="Takes"/>, <see cref="TryHandOver"/>), so the
/// lanes and what says which teams are backlogged or idle are read and changed under a lock,
/// never across an await; lanes report back through <see cref="Finished"/>.
/// </summary>
internal sealed class OutboxLanes(IOutboxStore store, IInstallationStore installations, OutboxDelivery delivery, OutboxSignal signal, int sends, CancellationToken stoppingToken)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OutboxLane> _lanes = new(StringComparer.Ordinal);

    // Cleared when the sender stops (CloseAllAsync): no row is handed over after that.
    private bool _open = true;

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
        lock (_gate)
        {
            CloseIdleLocked(now);
        }
    }

    private void CloseIdleLocked(DateTimeOffset now)
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
        lock (_gate)
        {
            BusyTeamsLocked(busy);
        }

        return busy;
    }

    private void BusyTeamsLocked(List<string> busy)
    {
        foreach (var team in _backlogged)
        {
            if (_lanes.TryGetValue(team, out var lane) && (lane.Free == 0 || lane.IsStopped))
            {
                busy.Add(team);
            }
        }
    }

    /// <summary>
    /// Whether a row of <paramref name="teamId"/> written now may be written claimed and handed
    /// over after its commit: the sender runs, the team is not rate limited, not backlogged (its
    /// older pending rows go first), and its lane, if it has one, is not stopped and has room.
    /// </summary>
    public bool Takes(string teamId, DateTimeOffset now)
    {
        if (delivery.IsHeld(teamId, now))
        {
            return false;
        }

        lock (_gate)
        {
            return _open && !_backlogged.Contains(teamId)
                && (!_lanes.TryGetValue(teamId, out var lane) || (!lane.IsStopped && lane.HasRoom));
        }
    }

    /// <summary>A row written claimed by an inbox round, after its commit: into its team's lane; false when none takes it now.</summary>
    public bool TryHandOver(OutboxRow row)
    {
        lock (_gate)
        {
            if (!_open)
            {
                return false;
            }

            var lane = LaneFor(row.TeamId);
            if (lane.IsStopped)
            {
                return false;
            }

            _idleSince.Remove(row.TeamId);
            return Enqueue(row);
        }
    }

    /// <summary>A claimed row no lane took: pending again, after its team's rate-limit hold if any.</summary>
    public Task ReleaseAsync(OutboxRow row) => delivery.ReleaseAsync(row);

    /// <summary>Hands a round's due rows out; <paramref name="full"/>: the round did not see every due row.</summary>
    public async Task HandOutAsync(IReadOnlyList<DueRow> due, DateTimeOffset now, bool full, CancellationToken cancellationToken)
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

            if (!TakeSlot(row.TeamId, free))
            {
                more = true;
                continue;
            }

            if (now < row.ExpiresAt && delivery.Knows(row.Kind) && await installations.IsActiveAsync(row.TeamId, cancellationToken))
            {
                claim.Add(row.Id);
            }
            else
            {
                unclaimed.Add(new OutboxRow(row.Id, row.TeamId, "", "", null, "", row.Kind, null, IOutboxStore.Pending, 0, row.ExpiresAt, row.Kind));
            }
        }

        lock (_gate)
        {
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
        }

        // Not cancelled by stopping: a claim, once queued, commits whether or not anyone still
        // waits for it, and rows claimed with no one to send or give them back would stay
        // 'sending' until the next start ended them as interrupted. A stopping lane gives back
        // what it is handed (OutboxDelivery), and a row no lane takes is given back here.
        foreach (var row in await store.ClaimAsync(claim, CancellationToken.None))
        {
            bool queued;
            lock (_gate)
            {
                queued = _open && Enqueue(row);
            }

            if (!queued)
            {
                // The lane stopped (a rate limit, or stopping) while the claim was committing: give it back.
                await delivery.ReleaseAsync(row);
            }
        }

        _moreDue = more;
    }

    /// <summary>Closes every lane and completes once their queued rows went through (stopping).</summary>
    public Task CloseAllAsync()
    {
        lock (_gate)
        {
            _open = false;
            foreach (var lane in _lanes.Values)
            {
                lane.Close();
            }

            return Task.WhenAll(_lanes.Values.Select(l => l.Completion).ToList());
        }
    }

    // A slot of the team's lane for one of a round's rows (free: the slots this round has left per team).
    private bool TakeSlot(string teamId, Dictionary<string, int> free)
    {
        lock (_gate)
        {
            var lane = LaneFor(teamId);
            var slots = free.TryGetValue(teamId, out var left) ? left : lane.Free;
            if (lane.IsStopped || slots <= 0)
            {
                _backlogged.Add(teamId);
                return false;
            }

            free[teamId] = slots - 1;
            _idleSince.Remove(teamId);
            return true;
        }
    }

    // Under _gate.
    private OutboxLane LaneFor(string teamId)
    {
        if (!_lanes.TryGetValue(teamId, out var lane))
        {
            lane = new OutboxLane(delivery.SendAsync, delivery.SendThrew, Finished, sends, stoppingToken);
            _lanes[teamId] = lane;
        }

        return lane;
    }

    // Under _gate.
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
