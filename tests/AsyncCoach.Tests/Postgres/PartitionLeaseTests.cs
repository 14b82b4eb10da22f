using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// Conversation partitions leased by instances on one database, on a fake clock: they split the
/// partitions, one that stops renewing is taken over after expiry with a higher fencing token,
/// and a write under the old token is refused.
/// </summary>
public sealed class PartitionLeaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = new StorageOptions().PartitionLeaseDuration;

    private readonly FakeTimeProvider _time = new(Start);
    private TempPostgresDatabase _temp = null!;
    private PostgresDatabase _database = null!;

    [SetUp]
    public async Task SetUp()
    {
        var server = await PostgresServer.GetAsync();
        _temp = await server.CreateDatabaseAsync("partition_leases");
        _database = new PostgresDatabase(_temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(_database, Start, CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _database.DisposeAsync();
        await _temp.DisposeAsync();
    }

    private PartitionLeaseKeeper Keeper(out InstanceIdentity identity)
    {
        identity = new InstanceIdentity();
        return new PartitionLeaseKeeper(
            new PostgresPartitionLeaseStore(_database), identity, _time, Options.Create(new StorageOptions()), Migrated(), NullLogger<PartitionLeaseKeeper>.Instance);
    }

    private static DatabaseReadiness Migrated()
    {
        var readiness = new DatabaseReadiness();
        readiness.SetMigrated();
        return readiness;
    }

    /// <summary>A alone takes everything; B joins, A gives back its surplus, B takes it.</summary>
    private async Task<(PartitionLeaseKeeper A, PartitionLeaseKeeper B, InstanceIdentity IdA, InstanceIdentity IdB)> SplitAsync()
    {
        var (a, b) = (Keeper(out var idA), Keeper(out var idB));
        Assert.That((await a.RenewOnceAsync(CancellationToken.None)).Tokens, Has.Count.EqualTo(ConversationPartitions.Count));
        Assert.That((await b.RenewOnceAsync(CancellationToken.None)).Tokens, Is.Empty, "everything is leased to A until A gives some back");
        await a.RenewOnceAsync(CancellationToken.None);
        await b.RenewOnceAsync(CancellationToken.None);
        return (a, b, idA, idB);
    }

    [Test]
    public async Task Two_instances_split_the_partitions_between_them()
    {
        var (a, b, _, _) = await SplitAsync();

        Assert.That(a.Held.Tokens.Keys, Has.Count.EqualTo(ConversationPartitions.Count / 2));
        Assert.That(b.Held.Tokens.Keys, Has.Count.EqualTo(ConversationPartitions.Count / 2));
        Assert.That(a.Held.Tokens.Keys.Concat(b.Held.Tokens.Keys), Is.EquivalentTo(Enumerable.Range(0, ConversationPartitions.Count)));
        Assert.That(b.Held.Tokens.Values, Is.All.EqualTo(2), "taken from A: the token rose once more");
        Assert.That(a.Held.Members, Is.EqualTo(2));
    }

    [Test]
    public async Task An_instance_that_stops_renewing_is_taken_over_after_expiry_with_higher_tokens()
    {
        var (a, b, _, _) = await SplitAsync();
        var aHeld = a.Held.Tokens;

        _time.Advance(Lease / 3);
        await b.RenewOnceAsync(CancellationToken.None);
        Assert.That(b.Held.Tokens, Has.Count.EqualTo(ConversationPartitions.Count / 2), "A's leases still run");

        _time.Advance(Lease - (Lease / 3));
        var round = await b.RenewOnceAsync(CancellationToken.None);

        Assert.That(round.Tokens, Has.Count.EqualTo(ConversationPartitions.Count));
        Assert.That(round.Members, Is.EqualTo(1));
        Assert.That(aHeld.Where(held => round.Tokens[held.Key] <= held.Value), Is.Empty, "each of A's partitions has a higher token now");
        var (team, channel) = ConversationIn(aHeld.Keys.First());
        Assert.That(a.TryGetLease(team, channel, out _), Is.False, "A's own clock says its lease ran out");
        Assert.That(b.TryGetLease(team, channel, out var lease) && lease.Token > aHeld[lease.Partition], Is.True);
    }

    [Test]
    public async Task A_write_under_a_stale_token_is_refused_and_one_under_the_current_token_passes()
    {
        var (a, b, idA, idB) = await SplitAsync();
        var partition = a.Held.Tokens.Keys.First();
        var stale = new PartitionLease(partition, a.Held.Tokens[partition]);
        var store = new PostgresPartitionLeaseStore(_database);
        Assert.That(await FenceAsync(store, idA.Id, stale), Is.True, "A still holds it");

        _time.Advance(Lease);
        await b.RenewOnceAsync(CancellationToken.None);
        var current = new PartitionLease(partition, b.Held.Tokens[partition]);

        Assert.That(await FenceAsync(store, idA.Id, stale), Is.False);
        Assert.That(await FenceAsync(store, idB.Id, stale with { Token = current.Token }), Is.True);
        Assert.That(await FenceAsync(store, idB.Id, stale), Is.False, "the owner with an old token is refused too");
    }

    [Test]
    public async Task A_partition_under_a_write_is_not_taken_over_until_the_write_ends()
    {
        var (a, b, idA, _) = await SplitAsync();
        var partition = a.Held.Tokens.Keys.First();
        var store = new PostgresPartitionLeaseStore(_database);
        await using var write = await PostgresTransaction.BeginAsync(_database, CancellationToken.None);
        Assert.That(await store.HoldsAsync(write, idA.Id, new(partition, a.Held.Tokens[partition]), _time.GetUtcNow(), CancellationToken.None), Is.True);

        _time.Advance(Lease);
        var during = await b.RenewOnceAsync(CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
        var after = await b.RenewOnceAsync(CancellationToken.None);

        Assert.That(during.Tokens.ContainsKey(partition), Is.False, "skipped while A's write holds the fence");
        Assert.That(during.Tokens, Has.Count.EqualTo(ConversationPartitions.Count - 1));
        Assert.That(after.Tokens.ContainsKey(partition), Is.True);
    }

    [Test]
    public async Task The_keeper_renews_on_its_clock_and_gives_everything_back_when_it_stops()
    {
        var (a, other) = (Keeper(out _), Keeper(out _));
        var rounds = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.RoundEnded += _ =>
        {
            var n = Interlocked.Increment(ref rounds);
            (n == 1 ? first : second).TrySetResult();
        };

        await a.StartAsync(CancellationToken.None);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var until = a.Held.Until;
        _time.Advance(Lease / 3);
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(a.Held.Until, Is.EqualTo(until + (Lease / 3)), "renewed a third of a lease later");

        await a.StopAsync(CancellationToken.None);
        Assert.That(a.Held.Tokens, Is.Empty);
        Assert.That((await other.RenewOnceAsync(CancellationToken.None)).Tokens, Has.Count.EqualTo(ConversationPartitions.Count), "taken at once, without waiting for expiry");
    }

    [Test]
    public void A_conversation_s_partition_is_stable_and_conversations_spread_over_all_partitions()
    {
        // FNV-1a of "team\0channel": the same partition in every process and version.
        Assert.That(ConversationPartitions.Of("T0001", "C0001"), Is.EqualTo(Fnv("T0001", "C0001") % ConversationPartitions.Count));
        Assert.That(ConversationPartitions.Of("T1", "C2"), Is.Not.EqualTo(ConversationPartitions.Of("T1C", "2")), "the parts are separated");

        var counts = Enumerable.Range(0, 20_000).GroupBy(i => ConversationPartitions.Of($"T{i % 7}", $"C{i}")).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Keys, Is.EquivalentTo(Enumerable.Range(0, ConversationPartitions.Count)));
        Assert.That(counts.Values.Max(), Is.LessThan(2 * 20_000 / ConversationPartitions.Count));
    }

    private static long Fnv(string team, string channel)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(team).Append((byte)0).Concat(System.Text.Encoding.UTF8.GetBytes(channel)))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static (string Team, string Channel) ConversationIn(int partition) =>
        Enumerable.Range(0, 100_000).Select(i => ("T1", $"C{i}")).First(c => ConversationPartitions.Of(c.Item1, c.Item2) == partition);

    private async Task<bool> FenceAsync(PostgresPartitionLeaseStore store, string owner, PartitionLease lease)
    {
        await using var transaction = await PostgresTransaction.BeginAsync(_database, CancellationToken.None);
        return await store.HoldsAsync(transaction, owner, lease, _time.GetUtcNow(), CancellationToken.None);
    }
}
