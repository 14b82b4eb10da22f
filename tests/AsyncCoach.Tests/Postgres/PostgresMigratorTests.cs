using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

public sealed class PostgresMigratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Two_instances_migrating_together_both_succeed_and_apply_each_script_once()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("migrate_twice");
        await using var first = new PostgresDatabase(temp.ConnectionString);
        await using var second = new PostgresDatabase(temp.ConnectionString);

        var results = await Task.WhenAll(
            Task.Run(() => PostgresMigrator.MigrateAsync(first, Now, CancellationToken.None)),
            Task.Run(() => PostgresMigrator.MigrateAsync(second, Now, CancellationToken.None)));

        var scripts = PostgresMigrator.ScriptNames();
        Assert.That(scripts, Is.Not.Empty);
        Assert.That(results[0].Concat(results[1]), Is.EquivalentTo(scripts), "every script ran exactly once, by one of the two");
        Assert.That(await JournaledAsync(temp.ConnectionString), Is.EquivalentTo(scripts));
    }

    [Test]
    public async Task A_second_start_runs_nothing()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("migrate_again");
        await using var database = new PostgresDatabase(temp.ConnectionString);

        var firstStart = await PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None);
        var secondStart = await PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None);

        Assert.That(firstStart, Is.EqualTo(PostgresMigrator.ScriptNames()));
        Assert.That(secondStart, Is.Empty);
    }

    [Test]
    public async Task A_failing_script_names_itself_and_leaves_the_database_as_it_was()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("migrate_fail");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        // A table the first script creates already exists: that script fails.
        await ExecuteAsync(temp.ConnectionString, "CREATE TABLE inbox (id int)");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain(PostgresMigrator.ScriptNames()[0]));
        Assert.That(await TableExistsAsync(temp.ConnectionString, "schema_migrations"), Is.False, "the journal's creation was rolled back too");
    }

    [Test]
    public async Task An_upgrade_gives_every_pending_row_of_an_older_inbox_its_conversation_partition()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("migrate_backfill");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        // The database as the version before conversation partitions left it: scripts up to 0012,
        // journaled as the migrator journals them, with rows written by that version.
        var scripts = PostgresMigrator.ScriptNames();
        var before = scripts.Where(name => string.CompareOrdinal(name, PostgresMigrator.ScriptPrefix + "0013") < 0).ToList();
        await ExecuteAsync(temp.ConnectionString, "CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)");
        foreach (var name in before)
        {
            await ExecuteAsync(temp.ConnectionString, ReadScript(name));
            await ExecuteAsync(temp.ConnectionString, $"INSERT INTO schema_migrations (name, applied_at) VALUES ('{name}', now())");
        }

        var rows = new (string EventId, string Team, string? Channel, string State)[]
        {
            ("Ev1", "T1", "C1", "pending"), ("Ev2", "T1", null, "pending"), ("Ev3", "TÉ", "C😀", "pending"),
            ("Ev4", "T0123456789", "C0987654321", "pending"), ("Ev5", "T1", "C1", "done"),
        };
        foreach (var (eventId, team, channel, state) in rows)
        {
            await using var connection = new NpgsqlConnection(temp.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, state) VALUES (@EventId, @Team, @Channel, 'message', now(), @State)", connection);
            command.Parameters.AddWithValue("EventId", eventId);
            command.Parameters.AddWithValue("Team", team);
            command.Parameters.AddWithValue("Channel", (object?)channel ?? DBNull.Value);
            command.Parameters.AddWithValue("State", state);
            await command.ExecuteNonQueryAsync();
        }

        var ran = await PostgresMigrator.MigrateAsync(database, Now, CancellationToken.None);

        Assert.That(ran, Is.EqualTo(scripts.Except(before)), "the upgrade runs the newer scripts only");
        var partitions = await PartitionsAsync(temp.ConnectionString);
        Assert.That(partitions, Is.EqualTo(new Dictionary<string, int?>
        {
            ["Ev1"] = ConversationPartitions.Of("T1", "C1"),
            ["Ev2"] = ConversationPartitions.Of("T1", null),
            ["Ev3"] = ConversationPartitions.Of("TÉ", "C😀"),
            ["Ev4"] = ConversationPartitions.Of("T0123456789", "C0987654321"),
            ["Ev5"] = null, // finished before the upgrade: never claimed again, so left without one
        }));
    }

    private static async Task<Dictionary<string, int?>> PartitionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT event_id, partition FROM inbox", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var partitions = new Dictionary<string, int?>();
        while (await reader.ReadAsync())
        {
            partitions[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }

        return partitions;
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(PostgresMigrator).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<List<string>> JournaledAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@Name) IS NOT NULL", connection);
        command.Parameters.AddWithValue("Name", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
