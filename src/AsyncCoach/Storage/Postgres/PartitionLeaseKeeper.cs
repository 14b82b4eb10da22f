using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Holds this instance's share of the conversation partitions: a lease round at start and every
/// third of <see cref="StorageOptions.PartitionLeaseDuration"/> (on <see cref="TimeProvider"/>),
/// and gives every partition back when the host stops. A failed round is logged and retried at
/// the next tick; meanwhile the leases held run out on their own (<see cref="TryGetLease"/> checks
/// the clock), so an instance cut off from the database stops claiming its conversations.
/// With a <see cref="PartitionOwnership"/> attached (<see cref="DeferGiveBack"/>), a round keeps the
/// partitions beyond the fair share and names them (<see cref="LeaseRound.Surplus"/>); the inbox
/// processor gives them back between its rounds (<see cref="GiveBackAsync"/>), so never while a
/// round is in flight on them.
/// </summary>
public sealed partial class PartitionLeaseKeeper(
    PostgresPartitionLeaseStore store, InstanceIdentity instance, TimeProvider time, IOptions<StorageOptions> options,
    DatabaseReadiness readiness, ILogger<PartitionLeaseKeeper> logger) : BackgroundService
{
    private readonly TimeSpan _duration = options.Value.PartitionLeaseDuration;
    private LeaseRound _held = LeaseRound.None;
    private volatile bool _deferGiveBack;

    /// <summary>A round ended (held leases after it); raised on the keeper's thread.</summary>
    public event Action<LeaseRound>? RoundEnded;

    /// <summary>What the last successful round left this instance holding.</summary>
    public LeaseRound Held => Volatile.Read(ref _held);

    /// <summary>This instance's lease on the conversation's partition, while it holds one that has not expired.</summary>
    public bool TryGetLease(string teamId, string? channelId, out PartitionLease lease)
    {
        var held = Held;
        var partition = ConversationPartitions.Of(teamId, channelId);
        if (held.Until > time.GetUtcNow() && held.Tokens.TryGetValue(partition, out var token))
        {
            lease = new PartitionLease(partition, token);
            return true;
        }

        lease = default;
        return false;
    }

    /// <summary>From now on a round keeps its surplus partitions for <see cref="GiveBackAsync"/> instead of giving them back itself.</summary>
    public void DeferGiveBack() => _deferGiveBack = true;

    /// <summary>Gives back <paramref name="partitions"/> now (the caller has no round in flight on them) and stops counting them as held.</summary>
    public async Task GiveBackAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        await store.ReleaseAsync(instance.Id, partitions, cancellationToken);
        var before = Volatile.Read(ref _held);
        var after = before with { Tokens = before.Tokens.Where(t => !partitions.Contains(t.Key)).ToDictionary(), Surplus = new HashSet<int>() };
        // A round that ended meanwhile wins: it ran after the release, so it no longer holds them.
        Interlocked.CompareExchange(ref _held, after, before);
        Log.GaveBack(logger, partitions.Count);
    }

    /// <summary>One lease round now (the loop's tick; tests call it directly).</summary>
    public async Task<LeaseRound> RenewOnceAsync(CancellationToken cancellationToken)
    {
        var round = await store.RunRoundAsync(instance.Id, time.GetUtcNow(), _duration, giveBackSurplus: !_deferGiveBack, cancellationToken);
        var before = Volatile.Read(ref _held);
        Volatile.Write(ref _held, round);
        if (before.Tokens.Count != round.Tokens.Count)
        {
            Log.Holding(logger, round.Tokens.Count, ConversationPartitions.Count, round.Members);
        }

        RoundEnded?.Invoke(round);
        return round;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its tables come with the migrations; a round before them would fail and wait a tick.
        if (!await readiness.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(_duration / 3, time);
        do
        {
            try
            {
                await RenewOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException && !stoppingToken.IsCancellationRequested)
            {
                Log.RoundFailed(logger, ex.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Volatile.Write(ref _held, LeaseRound.None);
        try
        {
            await store.ReleaseAllAsync(instance.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException or OperationCanceledException)
        {
            // Not given back: they expire on their own.
            Log.ReleaseFailed(logger, ex.GetType().Name);
        }
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
        [LoggerMessage(EventId = 3760, Level = LogLevel.Information, Message = "Holding {Held} of {Count} conversation partitions ({Members} instances alive)")]
        public static partial void Holding(ILogger logger, int held, int count, int members);

        [LoggerMessage(EventId = 3761, Level = LogLevel.Warning, Message = "Partition lease round failed ({Error}); leases held run out unless the next round succeeds")]
        public static partial void RoundFailed(ILogger logger, string error);

        [LoggerMessage(EventId = 3762, Level = LogLevel.Warning, Message = "Could not give back the partition leases at stop ({Error}); they expire on their own")]
        public static partial void ReleaseFailed(ILogger logger, string error);

        [LoggerMessage(EventId = 3900, Level = LogLevel.Information, Message = "Gave back {Count} conversation partitions beyond this instance's share")]
        public static partial void GaveBack(ILogger logger, int count);
    }
}
