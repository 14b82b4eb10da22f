namespace AsyncCoach.Storage.Postgres;

/// <summary>A partition held by this instance and the fencing token it was acquired with.</summary>
public readonly record struct PartitionLease(int Partition, long Token);

/// <summary>
/// What a lease round left this instance holding, until when, and how many instances are alive;
/// <see cref="Surplus"/>: held partitions beyond its fair share, still renewed, that the instance
/// is to give back once no round is in flight on them (when the round was told not to give them back itself).
/// </summary>
public sealed record LeaseRound(IReadOnlyDictionary<int, long> Tokens, DateTimeOffset Until, int Members)
{
    public static readonly LeaseRound None = new(new Dictionary<int, long>(), DateTimeOffset.MinValue, 0);

    public IReadOnlySet<int> Surplus { get; init; } = new HashSet<int>();
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
    /// <remarks>
    /// With <paramref name="giveBackSurplus"/> false the partitions beyond the fair share are renewed
    /// and named in <see cref="LeaseRound.Surplus"/> instead, for the caller to give back
    /// (<see cref="ReleaseAsync"/>) when no round is in flight on them.
    /// </remarks>
    public async Task<LeaseRound> RunRoundAsync(
        string owner, DateTimeOffset now, TimeSpan duration, bool giveBackSurplus, CancellationToken cancellationToken)
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
        var kept = new HashSet<int>();
        if (held.Count > share && !giveBackSurplus)
        {
            kept.UnionWith(held.Keys.Order().Skip(share));
        }
        else if (held.Count > share)
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
        return new LeaseRound(held, until, members) { Surplus = kept };
    }

    /// <summary>Gives back <paramref name="partitions"/> of <paramref name="owner"/>: others take them at their next round.</summary>
    public async Task ReleaseAsync(string owner, IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ReleaseSql).With("Owner", owner).With("Partitions", partitions.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
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

    // FOR KEY SHARE, not FOR SHARE: the owner's own renewals and give-backs (updates that leave the
    // key alone) do not wait for a round, while a takeover (FOR UPDATE SKIP LOCKED) skips the
    // partition until the round's transaction ends.
    private const string FenceAllSql = """
        SELECT l.partition FROM partition_leases l
        JOIN unnest(@Partitions, @Tokens) AS h(partition, token) ON h.partition = l.partition AND h.token = l.token
        WHERE l.owner = @Owner AND l.lease_until > @Now
        FOR KEY SHARE OF l
        """;

    /// <summary>
    /// The fence for a round touching many partitions, in one statement: the partitions of
    /// <paramref name="leases"/> that <paramref name="owner"/> no longer holds under that token at
    /// <paramref name="now"/> (empty: it holds them all, and keeps them from a takeover until
    /// <paramref name="transaction"/> ends).
    /// </summary>
    public async Task<IReadOnlySet<int>> NotHeldAsync(
        IStorageTransaction transaction, string owner, IReadOnlyDictionary<int, long> leases, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missing = new HashSet<int>(leases.Keys);
        await using var command = PostgresTransaction.From(transaction).Command(FenceAllSql)
            .With("Partitions", leases.Keys.ToArray()).With("Tokens", leases.Values.ToArray())
            .With("Owner", owner).WithInstant("Now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Remove(reader.GetInt32(0));
        }

        return missing;
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
