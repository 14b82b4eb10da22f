using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>Two instances (two stores, two identities) on one PostgreSQL database share the outbox.</summary>
public sealed class PostgresOutboxLeaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private TempPostgresDatabase? _temp;
    private PostgresDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        var server = await PostgresServer.GetAsync();
        _temp = await server.CreateDatabaseAsync("outbox_leases");
        _database = new PostgresDatabase(_temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(_database, Start, CancellationToken.None);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        // Nothing to drop when the test was ignored (no PostgreSQL).
        if (_temp is not null)
        {
            await _database.DisposeAsync();
            await _temp.DisposeAsync();
        }
    }

    [Test]
    public async Task Two_instances_claiming_the_same_due_rows_get_each_row_exactly_once()
    {
        var (first, second) = (Instance(), Instance());
        for (var i = 0; i < 200; i++)
        {
            await first.TryEnqueueAsync(Digest($"T{i % 7}", $"U{i}"), Start, CancellationToken.None);
        }

        var dueToFirst = (await first.DueAsync(Start, 500, [], CancellationToken.None)).Due.Select(r => r.Id).ToList();
        var dueToSecond = (await second.DueAsync(Start, 500, [], CancellationToken.None)).Due.Select(r => r.Id).ToList();
        Assert.That(dueToSecond, Is.EqualTo(dueToFirst), "both see the same 200 due rows");

        // Each claims all of them, in small batches, at the same time.
        var claims = await Task.WhenAll(
            Task.Run(() => ClaimInBatchesAsync(first, dueToFirst)),
            Task.Run(() => ClaimInBatchesAsync(second, dueToSecond.AsEnumerable().Reverse().ToList())));

        Assert.That(claims[0].Intersect(claims[1]), Is.Empty, "no row claimed by both");
        Assert.That(claims[0].Concat(claims[1]), Is.EquivalentTo(dueToFirst), "every row claimed by one");
        Assert.That(await ScalarAsync("SELECT count(*) FROM nudges WHERE state = 'sending' AND attempts = 1"), Is.EqualTo(200));
    }

    [Test]
    public async Task Recovery_at_start_leaves_a_live_instance_sends_alone_and_ends_them_once_the_lease_expired()
    {
        var (live, starting) = (Instance(), Instance());
        var id = await live.TryEnqueueAsync(Digest("T1", "U1"), Start, CancellationToken.None);
        var claimed = await live.ClaimAsync([id!.Value], CancellationToken.None);
        Assert.That(claimed.Select(r => r.State), Is.EqualTo(new[] { "sending" }));

        _time.Advance(TimeSpan.FromMinutes(5));
        var endedWhileLive = await starting.RecoverInterruptedAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.That(endedWhileLive, Is.Zero);
        Assert.That(await ScalarAsync("SELECT count(*) FROM nudges WHERE state = 'sending'"), Is.EqualTo(1));

        _time.Advance(TimeSpan.FromMinutes(6));
        var endedAfterExpiry = await starting.RecoverInterruptedAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.That(endedAfterExpiry, Is.EqualTo(1));
        Assert.That(await ScalarAsync("SELECT count(*) FROM nudges WHERE state = 'failed' AND end_reason = 'interrupted' AND content_json IS NULL"), Is.EqualTo(1));
        Assert.That(await ScalarAsync("SELECT count(*) FROM nudge_attempts WHERE outcome = 'interrupted'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_row_is_given_back_only_by_the_instance_that_claimed_it()
    {
        var (owner, other) = (Instance(), Instance());
        var id = (await owner.TryEnqueueAsync(Digest("T1", "U1"), Start, CancellationToken.None))!.Value;
        await owner.ClaimAsync([id], CancellationToken.None);

        await other.ReleaseAsync(id, Start.AddMinutes(1), CancellationToken.None);
        Assert.That(await ScalarAsync("SELECT count(*) FROM nudges WHERE state = 'sending'"), Is.EqualTo(1));

        await owner.ReleaseAsync(id, Start.AddMinutes(1), CancellationToken.None);
        Assert.That(await ScalarAsync("SELECT count(*) FROM nudges WHERE state = 'pending' AND attempts = 0 AND lease_owner IS NULL"), Is.EqualTo(1));
        Assert.That((await other.DueAsync(Start, 10, [], CancellationToken.None)).Next, Is.EqualTo(Start.AddMinutes(1)));
    }

    private PostgresOutboxStore Instance() =>
        new(_database, new InstanceIdentity(), _time, Options.Create(new StorageOptions { LeaseDuration = TimeSpan.FromMinutes(10) }));

    private static OutboxMessage Digest(string team, string lead) =>
        new("digest", team, lead, "2026-12-07", "{}", Start.AddDays(1));

    private static async Task<List<long>> ClaimInBatchesAsync(PostgresOutboxStore store, List<long> ids)
    {
        var claimed = new List<long>();
        foreach (var batch in ids.Chunk(7))
        {
            claimed.AddRange((await store.ClaimAsync(batch, CancellationToken.None)).Select(r => r.Id));
        }

        return claimed;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_temp!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
