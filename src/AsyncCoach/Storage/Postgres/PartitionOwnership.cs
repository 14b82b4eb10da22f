using AsyncCoach.Inbox;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The conversations this instance processes on PostgreSQL: the partitions its
/// <see cref="PartitionLeaseKeeper"/> holds, as the inbox processor last took them up
/// (<see cref="RefreshAsync"/>, between rounds). The processor's claim reads <see cref="Held"/>
/// (<c>partition = ANY (@Held)</c>), and each round's transaction starts with the fence
/// (<see cref="HoldsAllAsync"/>): a round of an instance that lost a partition meanwhile rolls back.
/// </summary>
public sealed partial class PartitionOwnership : IConversationOwnership
{
    private readonly PartitionLeaseKeeper _keeper;
    private readonly PostgresPartitionLeaseStore _store;
    private readonly InstanceIdentity _instance;
    private readonly TimeProvider _time;
    private readonly ILogger<PartitionOwnership> _logger;

    // Only the processor's loop reads and writes these (one round at a time).
    private Dictionary<int, long> _held = [];
    private int[] _partitions = [];
    private readonly HashSet<(int, long)> _revoked = [];
    private bool _resync;

    // The keeper's round when the fence last found partitions lapsed: they stay set aside only
    // until a later round says whether this instance still holds them.
    private LeaseRound? _fencedUnder;

    public PartitionOwnership(
        PartitionLeaseKeeper keeper, PostgresPartitionLeaseStore store, InstanceIdentity instance, InboxSignal signal, TimeProvider time,
        ILogger<PartitionOwnership> logger)
    {
        (_keeper, _store, _instance, _time, _logger) = (keeper, store, instance, time, logger);
        keeper.DeferGiveBack();
        // Rows acknowledged for a partition just taken (or waiting to be given back) need a round now, not at the next poll.
        keeper.RoundEnded += round =>
        {
            if (round.Surplus.Count > 0 || round.Tokens.Count != Volatile.Read(ref _partitions).Length)
            {
                signal.Notify();
            }
        };
    }

    /// <summary>The partitions the processor claims rows of until the next refresh.</summary>
    public int[] Held => Volatile.Read(ref _partitions);

    public async Task<OwnershipChange> RefreshAsync(CancellationToken cancellationToken)
    {
        var round = _keeper.Held;
        if (round.Surplus.Count > 0)
        {
            // No round is in flight (the processor calls this between rounds): give them back now.
            await _keeper.GiveBackAsync(round.Surplus, cancellationToken);
        }

        if (_fencedUnder is not null && !ReferenceEquals(round, _fencedUnder))
        {
            // A round that ended after the fence: what it holds under the same token it renewed
            // (a lapsed lease its round renewed with the time it read before the lapse), and no one
            // else took it (a take raises the token). Left aside, nobody would ever process it.
            _revoked.Clear();
            _fencedUnder = null;
        }

        var now = _time.GetUtcNow();
        var next = round.Until > now
            ? round.Tokens.Where(t => !round.Surplus.Contains(t.Key) && !_revoked.Contains((t.Key, t.Value))).ToDictionary()
            : [];
        HashSet<int> gained, lost;
        if (_resync)
        {
            // A fenced round left the tracker ahead of what is stored: drop everything, restore what is held.
            (_resync, gained, lost) = (false, [.. next.Keys], [.. _held.Keys]);
        }
        else
        {
            gained = next.Where(t => !_held.TryGetValue(t.Key, out var token) || token != t.Value).Select(t => t.Key).ToHashSet();
            // A partition held again under a new token is both: it was lost in between, its state here is stale.
            lost = _held.Where(t => !next.TryGetValue(t.Key, out var token) || token != t.Value).Select(t => t.Key).ToHashSet();
        }

        _revoked.RemoveWhere(r => !round.Tokens.TryGetValue(r.Item1, out var token) || token != r.Item2);
        if (gained.Count == 0 && lost.Count == 0)
        {
            return OwnershipChange.None;
        }

        _held = next;
        Volatile.Write(ref _partitions, [.. next.Keys.Order()]);
        Log.Changed(_logger, gained.Count, lost.Count, next.Count);
        return new OwnershipChange(gained, lost, ConversationPartitions.Of);
    }

    public async Task<bool> HoldsAllAsync(IStorageTransaction transaction, CancellationToken cancellationToken)
    {
        if (_held.Count == 0)
        {
            return true;
        }

        var notHeld = await _store.NotHeldAsync(transaction, _instance.Id, _held, _time.GetUtcNow(), cancellationToken);
        if (notHeld.Count == 0)
        {
            return true;
        }

        // Lost under these tokens: not processed here again until the keeper's next round says so;
        // and the tracker's state of the others is ahead of what is stored (the round's changes were
        // drained, then rolled back): the next refresh drops and restores every partition.
        _resync = true;
        _fencedUnder = _keeper.Held;
        foreach (var partition in notHeld)
        {
            _revoked.Add((partition, _held[partition]));
        }

        Log.Fenced(_logger, notHeld.Count);
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3901, Level = LogLevel.Information, Message = "Processing {Held} conversation partitions ({Gained} taken up, {Lost} dropped)")]
        public static partial void Changed(ILogger logger, int gained, int lost, int held);

        [LoggerMessage(EventId = 3902, Level = LogLevel.Warning, Message = "A round was fenced off: {Count} of its conversation partitions are no longer held by this instance; rolled back, another instance processes them")]
        public static partial void Fenced(ILogger logger, int count);
    }
}
