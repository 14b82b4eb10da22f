using System.Threading.Channels;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// One team's sends: up to <c>sends</c> calls in flight, fed continuously (a row starts as soon
/// as a call slot is free, not when a whole batch is done). The first row that stops the lane
/// (rate limited, revoked) closes it to new rows; rows already queued still go through
/// <c>send</c>, which gives claimed rows back or ends them (the sender knows why it stopped).
/// </summary>
internal sealed class OutboxLane
{
    private readonly Func<OutboxRow, CancellationToken, Task<bool>> _send;
    private readonly Action<long, Exception> _failed;
    private readonly Action<long, bool> _finished;
    private readonly Channel<OutboxRow> _queue = Channel.CreateUnbounded<OutboxRow>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly int _sends;
    private int _count;
    private volatile bool _stopped;

    /// <param name="send">Delivers a row (or, once the lane stopped, gives it back); false when the lane should stop.</param>
    /// <param name="failed">Told when <paramref name="send"/> threw.</param>
    /// <param name="finished">Told when the lane is done with a row, whatever happened, and whether it now takes more (<see cref="Free"/>).</param>
    /// <param name="sends">Calls in flight at most.</param>
    /// <param name="stoppingToken">Ends the lane's workers.</param>
    public OutboxLane(
        Func<OutboxRow, CancellationToken, Task<bool>> send, Action<long, Exception> failed, Action<long, bool> finished,
        int sends, CancellationToken stoppingToken)
    {
        _send = send;
        _failed = failed;
        _finished = finished;
        _sends = sends;
        Completion = Task.WhenAll(Enumerable.Range(0, sends).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));
    }

    public Task Completion { get; }

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

    // Stopping does not end the workers at once: the sender closes every lane when it stops, and
    // the rows still queued go through send, which gives the claimed ones back (pending again) and
    // lets a call already made finish, so a graceful stop leaves no row 'sending'.
    // Each worker waits in ReadAsync, which hands a written row to one waiting worker; waiting in
    // WaitToReadAsync instead woke every idle worker of the lane for each row (seven of eight
    // then found nothing), a thread-pool hop each, per row, under a trickle of nudges.
    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            OutboxRow row;
            try
            {
                row = await _queue.Reader.ReadAsync(CancellationToken.None);
            }
            catch (ChannelClosedException)
            {
                return;
            }

            try
            {
                if (!await _send(row, stoppingToken))
                {
                    _stopped = true;
                    Close();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
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
        }
    }
}
