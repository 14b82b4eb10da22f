using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Storage.Sqlite;
using Dapper;
using Npgsql;

namespace AsyncCoach.Tests.Providers;

/// <summary>
/// <see cref="IFindingCountStore"/> against every provider: a round's deltas add to the counters
/// inside the round's transaction (nothing when it is not committed), and a later round adds on.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class FindingCountStoreSuite(string provider) : ProviderSuite(provider)
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private bool OnPostgres => Provider.Get<IFindingCountStore>() is PostgresFindingCountStore;

    [Test]
    public async Task A_rounds_deltas_add_to_the_counters_when_it_commits()
    {
        var store = Provider.Get<IFindingCountStore>();
        FindingCountDelta[] round = [new("T1", "", Hour, "vague-urgency", 3), new("T1", "C1", Hour, "vague-urgency", 2), new("T1", "C2", Hour.AddHours(1), "after-hours-ping", 1)];

        await using (var failed = await BeginAsync())
        {
            store.Add(failed, round);
        }

        Assert.That(await CountersAsync(), Is.Empty, "a round that did not commit counts nothing");

        for (var i = 0; i < 2; i++)
        {
            await using var transaction = await BeginAsync();
            store.Add(transaction, round);
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.That(await CountersAsync(), Is.EqualTo(new[]
        {
            ("T1", "", Hour, "vague-urgency", 6L),
            ("T1", "C1", Hour, "vague-urgency", 4L),
            ("T1", "C2", Hour.AddHours(1), "after-hours-ping", 2L),
        }));
    }

    // The inbox round's unit of work (PostgreSQL's IStorage is not ported yet: its transaction directly).
    private async Task<IStorageTransaction> BeginAsync() =>
        OnPostgres
            ? await PostgresTransaction.BeginAsync(Provider.Get<PostgresDatabase>(), CancellationToken.None)
            : await Provider.Get<IStorage>().BeginTransactionAsync(CancellationToken.None);

    private async Task<List<(string, string, DateTimeOffset, string, long)>> CountersAsync()
    {
        const string Sql = "SELECT team_id, channel_id, hour, rule_id, findings FROM finding_counts ORDER BY channel_id, hour";
        var rows = new List<(string, string, DateTimeOffset, string, long)>();
        if (OnPostgres)
        {
            await using var connection = await Provider.Get<PostgresDatabase>().OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand(Sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetInt64(4)));
            }

            return rows;
        }

        await using var sqlite = await Provider.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        foreach (var (team, channel, hour, rule, findings) in await sqlite.QueryAsync<(string, string, string, string, long)>(Sql))
        {
            rows.Add((team, channel, StoredInstant.Parse(hour), rule, findings));
        }

        return rows;
    }
}
