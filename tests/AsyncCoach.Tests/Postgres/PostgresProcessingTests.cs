using System.Text;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using AsyncCoach.Inbox;
using AsyncCoach.Pipeline;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>
/// Several instances (each its own container: data source, stores, lease keeper, identity) on one
/// PostgreSQL database, on a fake clock: any of them acknowledges; each processes the conversations
/// of the partitions it leases; one that lost a partition cannot commit a round; the tracker drops
/// and restores conversations as its share changes.
/// </summary>
public sealed class PostgresProcessingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = new StorageOptions().PartitionLeaseDuration;
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(Now);
    private TempPostgresDatabase? _temp;
    private readonly List<ServiceProvider> _instances = [];

    [SetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetAsync();
        _temp = await server.CreateDatabaseAsync("processing");
        await PostgresMigrator.MigrateAsync(Instance().GetRequiredService<PostgresDatabase>(), Now, None);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    [Test]
    public async Task Events_acknowledged_by_two_instances_are_pending_rows_once_each_in_arrival_order()
    {
        var (first, second) = (Instance(), Instance());
        var readiness = new DatabaseReadiness();
        readiness.SetMigrated();

        await new PostgresInboxAppender(first.GetRequiredService<PostgresInboxStore>(), readiness).AppendAsync([Entry("Ev1"), Entry("Ev2")], None);
        // Slack's retry of Ev2 goes to the other instance, with a new event.
        await new PostgresInboxAppender(second.GetRequiredService<PostgresInboxStore>(), readiness).AppendAsync([Entry("Ev2"), Entry("Ev3")], None);

        await TakeShareAsync(first);
        using var session = await first.GetRequiredService<IStorage>().OpenSessionAsync(None);
        var rows = await first.GetRequiredService<IInboxStore>().ClaimPendingAsync(session, 10, None);
        Assert.That(rows.Select(r => (r.EventId, r.Attempts, Encoding.UTF8.GetString(r.Payload!))), Is.EqualTo(new[]
        {
            ("Ev1", 0L, "{\"id\":\"Ev1\"}"), ("Ev2", 0L, "{\"id\":\"Ev2\"}"), ("Ev3", 0L, "{\"id\":\"Ev3\"}"),
        }));
    }

    [Test]
    public async Task Each_instance_claims_only_the_rows_of_its_partitions_in_id_order()
    {
        var (first, second) = (Instance(), Instance());
        var entries = Enumerable.Range(0, 60).Select(i => Entry($"Ev{i:D2}", channel: $"C{i % 20}")).ToArray();
        await first.GetRequiredService<PostgresInboxStore>().AddBatchAsync(entries, None);
        await SplitAsync(first, second);

        using var firstSession = await first.GetRequiredService<IStorage>().OpenSessionAsync(None);
        using var secondSession = await second.GetRequiredService<IStorage>().OpenSessionAsync(None);
        var byFirst = await first.GetRequiredService<IInboxStore>().ClaimPendingAsync(firstSession, 100, None);
        var bySecond = await second.GetRequiredService<IInboxStore>().ClaimPendingAsync(secondSession, 100, None);

        var firstHeld = first.GetRequiredService<PartitionOwnership>().Held;
        Assert.That(firstHeld, Has.Length.EqualTo(ConversationPartitions.Count / 2));
        Assert.That(byFirst.Select(r => r.Id), Is.Ordered);
        Assert.That(bySecond.Select(r => r.Id), Is.Ordered);
        Assert.That(byFirst.Select(r => r.EventId).Concat(bySecond.Select(r => r.EventId)), Is.EquivalentTo(entries.Select(e => e.EventId)), "each row claimed by one instance");
        Assert.That(byFirst.All(r => firstHeld.Contains(ConversationPartitions.Of(r.TeamId, r.ChannelId))), Is.True);
        Assert.That(bySecond.Any(r => firstHeld.Contains(ConversationPartitions.Of(r.TeamId, r.ChannelId))), Is.False);
        Assert.That(byFirst, Is.Not.Empty);
        Assert.That(bySecond, Is.Not.Empty);
    }

    [Test]
    public async Task An_instance_that_lost_its_partitions_cannot_commit_its_round_and_the_new_owner_finishes_the_work_once()
    {
        var (first, second) = (Instance(), Instance());
        var (firstInbox, secondInbox) = (first.GetRequiredService<IInboxStore>(), second.GetRequiredService<IInboxStore>());
        await first.GetRequiredService<PostgresInboxStore>().AddBatchAsync([Entry("Ev1")], None);
        await TakeShareAsync(first);
        using var firstSession = await first.GetRequiredService<IStorage>().OpenSessionAsync(None);
        var claimed = await firstInbox.ClaimPendingAsync(firstSession, 10, None);

        // The first instance pauses (a GC, a frozen VM) past its lease; the second takes everything over.
        _time.Advance(Lease);
        await TakeShareAsync(second);
        Assert.That(async () => await firstSession.BeginRoundAsync(None), Throws.InstanceOf<PartitionLostException>());

        using var secondSession = await second.GetRequiredService<IStorage>().OpenSessionAsync(None);
        var taken = await secondInbox.ClaimPendingAsync(secondSession, 10, None);
        await using (var round = await secondSession.BeginRoundAsync(None))
        {
            await secondInbox.CompleteAsync(round, [new InboxOutcome(taken[0].Id, null)], Now, None);
            await round.CommitAsync(None);
        }

        Assert.That(taken.Select(r => r.Id), Is.EqualTo(claimed.Select(r => r.Id)));
        Assert.That(await secondInbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1 }));
        var change = await first.GetRequiredService<PartitionOwnership>().RefreshAsync(None);
        Assert.That((change.Lost("T1", "C1"), first.GetRequiredService<PartitionOwnership>().Held), Is.EqualTo((true, Array.Empty<int>())));
    }

    [Test]
    public async Task A_lease_the_fence_saw_lapse_but_its_keeper_renewed_under_the_same_token_is_processed_again()
    {
        // Issue #17 (MultiInstanceTests under load): the keeper reads the clock, then waits (a busy
        // machine); the lease runs out; the processor's fence sees it lapsed and sets the partitions
        // aside; then the keeper's round renews them with the clock it read, under the same token, so
        // no other instance may take them. They must not stay set aside: nobody would process them.
        var first = Instance();
        var inbox = first.GetRequiredService<IInboxStore>();
        var ownership = first.GetRequiredService<PartitionOwnership>();
        var keeper = first.GetRequiredService<PartitionLeaseKeeper>();
        await first.GetRequiredService<PostgresInboxStore>().AddBatchAsync([Entry("Ev1")], None);
        var taken = await keeper.RenewOnceAsync(None);
        await ownership.RefreshAsync(None);
        using var session = await first.GetRequiredService<IStorage>().OpenSessionAsync(None);

        Task<LeaseRound> late;
        await using (var blocker = new NpgsqlConnection(_temp!.ConnectionString))
        {
            // Holds the keeper's heartbeat row, so its round waits there with the time it read.
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM partition_members FOR UPDATE", blocker, hold))
            {
                await lockRow.ExecuteScalarAsync();
            }

            _time.Advance(Lease / 2);
            late = keeper.RenewOnceAsync(None);
            _time.Advance(Lease / 2);
            Assert.That(async () => await session.BeginRoundAsync(None), Throws.InstanceOf<PartitionLostException>());
            await hold.RollbackAsync();
        }

        var renewed = await late;
        await ownership.RefreshAsync(None);
        Assert.That(renewed.Tokens, Is.EquivalentTo(taken.Tokens), "renewed under the same tokens");
        Assert.That(ownership.Held, Has.Length.EqualTo(ConversationPartitions.Count), "processed here again");
        var claimed = await inbox.ClaimPendingAsync(session, 10, None);
        await using (var round = await session.BeginRoundAsync(None))
        {
            await inbox.CompleteAsync(round, [new InboxOutcome(claimed[0].Id, null)], Now, None);
            await round.CommitAsync(None);
        }

        Assert.That(await inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1 }));
    }

    [Test]
    public async Task A_surplus_partition_is_given_back_only_when_the_processor_refreshes_between_rounds()
    {
        var (first, second) = (Instance(), Instance());
        await TakeShareAsync(first);
        var firstKeeper = first.GetRequiredService<PartitionLeaseKeeper>();
        var secondKeeper = second.GetRequiredService<PartitionLeaseKeeper>();

        await secondKeeper.RenewOnceAsync(None);
        var kept = await firstKeeper.RenewOnceAsync(None);
        var beforeRefresh = await secondKeeper.RenewOnceAsync(None);
        await first.GetRequiredService<PartitionOwnership>().RefreshAsync(None);
        var afterRefresh = await secondKeeper.RenewOnceAsync(None);

        Assert.That(kept.Surplus, Has.Count.EqualTo(ConversationPartitions.Count / 2));
        Assert.That(kept.Tokens, Has.Count.EqualTo(ConversationPartitions.Count), "still renewed until given back");
        Assert.That(beforeRefresh.Tokens, Is.Empty);
        Assert.That(first.GetRequiredService<PartitionOwnership>().Held, Is.EquivalentTo(kept.Tokens.Keys.Except(kept.Surplus)));
        Assert.That(afterRefresh.Tokens.Keys, Is.EquivalentTo(kept.Surplus));
    }

    [Test]
    public async Task The_tracker_restores_a_conversations_pending_findings_each_time_it_takes_its_partition_up_and_drops_them_when_it_goes()
    {
        var (first, second) = (Instance(), Instance());
        var tracker = new TrackerHost(first.GetRequiredService<IPendingFindingStore>(), [first.GetRequiredService<IConversationOwnership>()]);
        var keeper = first.GetRequiredService<PartitionLeaseKeeper>();
        await StorePendingAsync(first, Pending("1700000000.000100"));
        // The processor's refresh is the tracker's: it takes up what the keeper leased.
        await keeper.RenewOnceAsync(None);
        await tracker.PrepareAsync(None);
        var afterFirstTake = tracker.PendingCount;

        // Lost: the first instance paused past its lease, the second took everything.
        _time.Advance(Lease);
        await TakeShareAsync(second);
        await keeper.RenewOnceAsync(None);
        await tracker.PrepareAsync(None);
        var afterLoss = tracker.PendingCount;

        // Meanwhile the second instance's rounds stored another pending greeting; then it stops.
        await StorePendingAsync(second, Pending("1700000000.000200"));
        await second.GetRequiredService<PartitionLeaseKeeper>().StopAsync(None);
        await keeper.RenewOnceAsync(None);
        await tracker.PrepareAsync(None);

        Assert.That((afterFirstTake, afterLoss, tracker.PendingCount), Is.EqualTo((1, 0, 2)));
    }

    [Test]
    public async Task The_partition_function_of_the_migration_is_the_one_acknowledgement_uses()
    {
        var conversations = new (string Team, string? Channel)[]
        {
            ("T1", "C1"), ("T1", null), ("T0123456789", "C0987654321"), ("TÉ", "C😀"), (new string('T', 200), new string('C', 300)),
        };
        await using var connection = new NpgsqlConnection(_temp!.ConnectionString);
        await connection.OpenAsync();
        foreach (var (team, channel) in conversations)
        {
            await using var command = new NpgsqlCommand("SELECT conversation_partition(@Team, @Channel)", connection);
            command.Parameters.AddWithValue("Team", team);
            command.Parameters.Add(new NpgsqlParameter<string?>("Channel", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = channel });
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(ConversationPartitions.Of(team, channel)), $"{team}/{channel}");
        }
    }

    [Test]
    public async Task Readiness_names_the_server_when_it_cannot_be_reached()
    {
        var nowhere = PostgresTestServices.Instance("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2", _time);
        _instances.Add(nowhere);

        var problem = await nowhere.GetRequiredService<IStorage>().CheckReadyAsync(None);

        Assert.That(problem?.Title, Is.EqualTo("database unreachable"));
        Assert.That(problem?.Detail, Does.StartWith("PostgreSQL 127.0.0.1:1/none: "));
    }

    private ServiceProvider Instance()
    {
        var instance = PostgresTestServices.Instance(_temp!.ConnectionString, _time);
        _instances.Add(instance);
        return instance;
    }

    /// <summary>A lease round and the processor's refresh: the instance processes its share.</summary>
    private static async Task TakeShareAsync(ServiceProvider instance)
    {
        await instance.GetRequiredService<PartitionLeaseKeeper>().RenewOnceAsync(None);
        await instance.GetRequiredService<PartitionOwnership>().RefreshAsync(None);
    }

    /// <summary>The first takes everything; the second joins; the first gives back its surplus between rounds; the second takes it.</summary>
    private static async Task SplitAsync(ServiceProvider first, ServiceProvider second)
    {
        await TakeShareAsync(first);
        await TakeShareAsync(second);
        await TakeShareAsync(first);
        await TakeShareAsync(first);
        await TakeShareAsync(second);
    }

    private static async Task StorePendingAsync(ServiceProvider instance, PendingChange change)
    {
        await using var transaction = await instance.GetRequiredService<IStorage>().BeginTransactionAsync(None);
        await instance.GetRequiredService<IPendingFindingStore>().WriteAsync(transaction, [change], None);
        await transaction.CommitAsync(None);
    }

    private static PendingChange Pending(string ts) => new(
        new Finding("missing-context", new TeamId("T1"), new ChannelId("C1"), new MessageTs(ts), null, new UserId("U1"), Now, ["hi"], "Say what you need."),
        Now + TimeSpan.FromMinutes(2));

    private static InboxEntry Entry(string eventId, string channel = "C1") =>
        new(eventId, "T1", channel, "message", Now, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));
}
