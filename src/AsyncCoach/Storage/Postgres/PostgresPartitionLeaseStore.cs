namespace AsyncCoach.Storage.Postgres;

/// <summary>A partition held by this instance and the fencing token it was acquired with.</summary>
public readonly record struct PartitionLease(int Partition, long Token);

/// <summary>What a lease round left this instance holding, until when, and how many instances are alive.</summary>
public sealed record LeaseRound(IReadOnlyDictionary<int, long> Tokens, DateTimeOffset Until, int Members)
{
    public static readonly LeaseRound None = new(new Dictionary<int, long>(), DateTimeOffset.MinValue, 0);
}

/// <summary>
/// Leases on the conversation partitions (<see cref="ConversationPartitions"/>, migration 0009).
/// A round renews what the instance holds, gives back what exceeds its fair share (partitions ÷
/// instances alive) and takes free or expired partitions up to it, raising each one's fencing
/// token. <see cref="HoldsAsync"/> is the fence a write checks in its own transaction.
/// </summary>
public sealed class PostgresPartitionLeaseStore(PostgresDatabase database)
{
    private volatile bool _seeded;

    private const string SeedSql = """
        INSERT INTO partition_leases (partition) SELECT generate_series(0, @Count - 1)
        ON CONFLICT (partition) DO NOTHING
        """;

    private const string HeartbeatSql = """
        INSERT INTO partition_members (owner, alive_until) VALUES (@Owner, @Until)
        ON CONFLICT (owner) DO UPDATE SET alive_until = excluded.alive_until
        """;

    private const string MembersSql = """
        WITH gone AS (DELETE FROM partition_members WHERE alive_until <= @Now)
        SELECT count(*) FROM partition_members WHERE alive_until > @Now
        """;

    // A renewal keeps the token: only a lease still running is renewed (an expired one may have
    // been taken, and is acquired again like any other, with a new token).
    private const string RenewSql = """
        UPDATE partition_leases SET lease_until = @Until
        WHERE owner = @Owner AND lease_until > @Now
        RETURNING partition, token
        """;

    private const string ReleaseSql = """
        UPDATE partition_leases SET owner = NULL, lease_until = '-infinity'
        WHERE owner = @Owner AND partition = ANY (@Partitions)
        """;

    // SKIP LOCKED: two instances taking at once get different partitions; a partition whose
    // owner is writing under the fence (FOR SHARE) waits for the next round.
    private const string TakeSql = """
        UPDATE partition_leases SET owner = @Owner, token = token + 1, lease_until = @Until
        WHERE partition IN (
            SELECT partition FROM partition_leases WHERE lease_until <= @Now
            ORDER BY partition LIMIT @Take FOR UPDATE SKIP LOCKED)
        RETURNING partition, token
        """;

    /// <summary>One round for <paramref name="owner"/> at <paramref name="now"/>, in one transaction; leases run to now + <paramref name="duration"/>.</summary>
    public async Task<LeaseRound> RunRoundAsync(string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = now + duration;
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        if (!_seeded)
        {
            await using var seed = transaction.Command(SeedSql).With("Count", ConversationPartitions.Count);
            await seed.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var heartbeat = transaction.Command(HeartbeatSql).With("Owner", owner).WithInstant("Until", until))
        {
            await heartbeat.ExecuteNonQueryAsync(cancellationToken);
        }

        int members;
        await using (var count = transaction.Command(MembersSql).WithInstant("Now", now))
        {
            members = Math.Max(1, Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }

        var held = await LeasesAsync(transaction.Command(RenewSql).With("Owner", owner).WithInstant("Now", now).WithInstant("Until", until), cancellationToken);
        var share = (ConversationPartitions.Count + members - 1) / members;
        if (held.Count > share)
        {
            var surplus = held.Keys.Order().Skip(share).ToArray();
            await using var release = transaction.Command(ReleaseSql).With("Owner", owner).With("Partitions", surplus);
            await release.ExecuteNonQueryAsync(cancellationToken);
            foreach (var partition in surplus)
            {
                held.Remove(partition);
            }
        }
        else if (held.Count < share)
        {
            var taken = await LeasesAsync(transaction.Command(TakeSql)
                .With("Owner", owner).WithInstant("Now", now).WithInstant("Until", until).With("Take", share - held.Count), cancellationToken);
            foreach (var (partition, token) in taken)
            {
                held[partition] = token;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        _seeded = true;
        return new LeaseRound(held, until, members);
    }

    private const string ReleaseAllSql = """
        WITH gone AS (DELETE FROM partition_members WHERE owner = @Owner)
        UPDATE partition_leases SET owner = NULL, lease_until = '-infinity' WHERE owner = @Owner
        """;

    /// <summary>Gives back every partition of <paramref name="owner"/> (it is stopping), so others take them at their next round rather than after expiry.</summary>
    public async Task ReleaseAllAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ReleaseAllSql).With("Owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // FOR SHARE: until the caller's transaction ends, no one can take the partition over, so a
    // write that passed the fence commits under the lease it checked.
    private const string FenceSql = """
        SELECT 1 FROM partition_leases
        WHERE partition = @Partition AND owner = @Owner AND token = @Token AND lease_until > @Now
        FOR SHARE
        """;

    /// <summary>
    /// The fence: true when <paramref name="owner"/> still holds <paramref name="lease"/> (same
    /// token, not expired at <paramref name="now"/>), and then holds it until
    /// <paramref name="transaction"/> ends. A caller whose lease was taken over (a higher token)
    /// gets false and must roll back instead of writing.
    /// </summary>
    public async Task<bool> HoldsAsync(IStorageTransaction transaction, string owner, PartitionLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = PostgresTransaction.From(transaction).Command(FenceSql)
            .With("Partition", lease.Partition).With("Owner", owner).With("Token", lease.Token).WithInstant("Now", now);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<Dictionary<int, long>> LeasesAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var leases = new Dictionary<int, long>();
            while (await reader.ReadAsync(cancellationToken))
            {
                leases[reader.GetInt32(0)] = reader.GetInt64(1);
            }

            return leases;
        }
    }
}
