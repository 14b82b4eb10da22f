using System.Text.RegularExpressions;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Tests.Infrastructure;
using Npgsql;

namespace AsyncCoach.Tests.Postgres;

/// <summary>Forget-me on PostgreSQL covers what <see cref="PersonDataKinds.All"/> lists, and the PostgreSQL schema names nobody it does not list.</summary>
public sealed class PostgresPersonDataTests
{
    [Test]
    public async Task Every_person_column_of_the_schema_is_listed_and_each_statement_clears_its_own_table()
    {
        var server = await PostgresServer.GetAsync();
        await using var temp = await server.CreateDatabaseAsync("person_data");
        await using var database = new PostgresDatabase(temp.ConnectionString);
        await PostgresMigrator.MigrateAsync(database, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var columns = new List<(string Table, string Column)>();
        await using (var connection = new NpgsqlConnection(temp.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var covered = PersonDataKinds.All.Where(p => p.PersonColumn is not null).Select(p => (p.Table, p.PersonColumn!))
            .Append(("installations", "bot_user_id")).ToHashSet();
        var person = columns.Where(c => c.Column.EndsWith("user_id", StringComparison.Ordinal) || c.Column.EndsWith("author_id", StringComparison.Ordinal)
            || c.Column is "lead_id" or "updated_by").ToList();

        Assert.That(person, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(person.Where(c => !covered.Contains(c)), Is.Empty);
        Assert.That(PostgresTeamDataStore.PersonSql, Has.Count.EqualTo(PersonDataKinds.All.Count));
        Assert.That(PostgresTeamDataStore.PersonSql.Where((sql, i) => !Regex.IsMatch(sql, $@"\b(DELETE FROM|UPDATE)\s+{PersonDataKinds.All[i].Table}\b")), Is.Empty);
    }
}
