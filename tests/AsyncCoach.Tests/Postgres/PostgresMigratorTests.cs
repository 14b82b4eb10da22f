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
