using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// One team's sends: up to <c>sends</c> calls in flight, fed continuously (a row starts as soon
/// as a call slot is free, not when a whole batch is done). The first row that stops the lane
/// (rate limited, revoked) closes it to new rows; rows already queued still go through
/// <c>send</c>, which gives claimed rows back or ends them (the sender knows why it stopped).
/// </summary>
/// <remarks>
/// No worker waits for rows: a row that finds a call slot free starts on the thread that hands
/// it over (<see cref="Pump"/>, after the inbox round's commit or the sender's claim) and runs
/// until its call waits on Slack; a call that ends takes the next queued row on the thread that
/// ended it. Workers parked on a channel cost a thread-pool wake-up for every row handed over
/// (the channel runs a waiting reader's continuation on the pool), one of the three hops a nudge
/// made under a trickle.
/// </remarks>
internal sealed class OutboxLane
{
    private readonly Func<OutboxRow, CancellationToken, Task<bool>> _send;
    private readonly Action<long, Exception> _failed;
    private readonly Action<long, bool> _finished;
    private readonly int _sends;
    private readonly CancellationToken _stoppingToken;

    // What the lane's calls run in: the context of whoever made the lane, as the workers started
    // with Task.Run had, not that of each caller that hands a row over (an inbox round's).
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    private readonly Lock _gate = new();
    private readonly Queue<OutboxRow> _queue = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private bool _closed;
    private int _count;
    private volatile bool _stopped;

    /// <param name="send">Delivers a row (or, once the lane stopped, gives it back); false when the lane should stop.</param>
    /// <param name="failed">Told when <paramref name="send"/> threw.</param>
    /// <param name="finished">Told when the lane is done with a row, whatever happened, and whether it now takes more (<see cref="Free"/>).</param>
    /// <param name="sends">Calls in flight at most.</param>
    /// <param name="stoppingToken">Tells the sends that the service is stopping.</param>
    public OutboxLane(
        Func<OutboxRow, CancellationToken, Task<bool>> send, Action<long, Exception> failed, Action<long, bool> finished,
        int sends, CancellationToken stoppingToken)
    {
        _send = send;
        _failed = failed;
        _finished = finished;
        _sends = sends;
        _stoppingToken = stoppingToken;
    }

    /// <summary>Completes once the lane is closed and every row it took went through <c>send</c>.</summary>
    public Task Completion => _completion.Task;

    public bool IsStopped => _stopped;

    /// <summary>Nothing queued or running; rows are added under the lanes' lock, so this cannot change while it is held.</summary>
    public bool IsIdle => Volatile.Read(ref _count) == 0;

    /// <summary>
    /// How many rows a round may hand over: a lane holds up to <see cref="Depth"/> calls' worth of
    /// rows (running and queued), and takes more only once it is at most half full, so rounds
    /// hand out (and claim) rows in batches rather than one per finished call.
    /// </summary>
    public int Free
    {
        get
        {
            var free = _sends * Depth - Volatile.Read(ref _count);
            return free * 2 >= _sends * Depth ? free : 0;
        }
    }

    /// <summary>Below what it holds at most (<see cref="Depth"/> rows per call slot): an inbox round may hand it a row it wrote claimed.</summary>
    public bool HasRoom => Volatile.Read(ref _count) < _sends * Depth;

    /// <summary>Rows a lane holds per call slot: claimed rows waiting for a slot are few, so a crash ends few as interrupted.</summary>
    public const int Depth = 4;

    /// <summary>
    /// Queues a row; false when the lane is closed (the row stays pending and comes back when
    /// due). Call <see cref="Pump"/> afterwards, outside any lock: queuing starts no call.
    /// </summary>
    public bool TryEnqueue(OutboxRow row)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _queue.Enqueue(row);
            Interlocked.Increment(ref _count);
            return true;
        }
    }

    /// <summary>
    /// Starts queued rows in the free call slots, each on this thread until its call waits (so
    /// call it outside locks). Rows a slot's call leaves queued are taken when it ends.
    /// </summary>
    public void Pump()
    {
        while (TryTake(out var row))
        {
            if (_context is null)
            {
                _ = RunAsync(row);
            }
            else
            {
                ExecutionContext.Run(_context, static state =>
                {
                    var (lane, row) = ((OutboxLane, OutboxRow))state!;
                    _ = lane.RunAsync(row);
                }, (this, row));
            }
        }
    }

    /// <summary>Takes no more rows; those queued still go through <c>send</c>, and <see cref="Completion"/> follows the last.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            if (_running == 0 && _queue.Count == 0)
            {
                _completion.TrySetResult();
            }
        }
    }

    // A free slot and a queued row for it, or nothing.
    private bool TryTake(out OutboxRow row)
    {
        lock (_gate)
        {
            if (_running < _sends && _queue.TryDequeue(out row!))
            {
                _running++;
                return true;
            }

            row = null!;
            return false;
        }
    }

    // One call slot: sends its row, then the next queued one, until none is left. Stopping does
    // not end it: the sender closes every lane when it stops, and the rows still queued go
    // through send, which gives the claimed ones back (pending again) and lets a call already
    // made finish, so a graceful stop leaves no row 'sending'.
    private async Task RunAsync(OutboxRow row)
    {
        while (true)
        {
            try
            {
                if (!await _send(row, _stoppingToken))
                {
                    _stopped = true;
                    Close();
                }
            }
            catch (OperationCanceledException) when (_stoppingToken.IsCancellationRequested)
            {
                // The call was cut short: the row stays 'sending' and is ended at the next start.
            }
            catch (Exception ex)
            {
                _failed(row.Id, ex);
            }
            finally
            {
                Interlocked.Decrement(ref _count);
                _finished(row.Id, Free > 0);
            }

            lock (_gate)
            {
                if (!_queue.TryDequeue(out row!))
                {
                    _running--;
                    if (_closed && _running == 0)
                    {
                        _completion.TrySetResult();
                    }

                    return;
                }
            }
        }
    }
}
