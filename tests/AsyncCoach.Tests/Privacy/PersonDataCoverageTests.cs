using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Privacy;

/// <summary>
/// Forget-me deletes what <see cref="PersonDataKinds.All"/> lists. A table added later with a
/// column that names a person must be added there (or below, with the reason it is not a person's
/// data): this reads every column of the migrated schema and fails on one that is not covered.
/// </summary>
public sealed class PersonDataCoverageTests
{
    // Columns that look like a person's but are not one's own data.
    private static readonly (string Table, string Column, string Why)[] NotAPerson =
    [
        ("installations", "bot_user_id", "the app's own bot user"),
    ];

    private TempSqliteFile _file = null!;

    [SetUp]
    public void SetUp()
    {
        _file = new TempSqliteFile("person-data");
        _file.Migrate();
    }

    [TearDown]
    public void TearDown() => _file.Dispose();

    /// <summary>A column named like a person: *user_id, *author_id, lead_id, updated_by, or anything with "person" in it.</summary>
    private static bool NamesAPerson(string column) =>
        column.EndsWith("user_id", StringComparison.Ordinal) || column.EndsWith("author_id", StringComparison.Ordinal)
        || column is "lead_id" or "updated_by" || column.Contains("person", StringComparison.Ordinal);

    private async Task<List<(string Table, string Column)>> ColumnsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        var rows = await connection.QueryAsync<(string, string)>("""
            SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """);
        return rows.AsList();
    }

    [Test]
    public async Task Every_column_that_names_a_person_is_in_the_forget_me_list()
    {
        var columns = await ColumnsAsync();
        var covered = PersonDataKinds.All.Where(p => p.PersonColumn is not null).Select(p => (p.Table, p.PersonColumn!))
            .Concat(NotAPerson.Select(n => (n.Table, n.Column)))
            .ToHashSet();

        var personColumns = columns.Where(c => NamesAPerson(c.Column)).ToList();
        Assert.That(personColumns, Has.Count.GreaterThanOrEqualTo(8), "the scan found the person columns we know of");
        Assert.That(personColumns.Where(c => !covered.Contains(c)).Select(c => $"{c.Table}.{c.Column}"), Is.Empty,
            "add these to PersonDataKinds.All (what /async forget-me deletes), or to NotAPerson with the reason");
    }

    [Test]
    public async Task Every_entry_of_the_list_names_a_real_table_and_column_and_its_statement_runs()
    {
        var columns = (await ColumnsAsync()).ToHashSet();
        Assert.That(PersonDataKinds.All.Select(p => (p.Table, p.PersonColumn ?? "nudge_id")).Where(c => !columns.Contains(c)), Is.Empty);
        Assert.That(TeamDataStore.PersonSql, Has.Count.EqualTo(PersonDataKinds.All.Count));
        Assert.That(
            TeamDataStore.PersonSql.Where((sql, i) => !System.Text.RegularExpressions.Regex.IsMatch(sql, $@"\b(DELETE FROM|UPDATE)\s+{PersonDataKinds.All[i].Table}\b")),
            Is.Empty, "each SQLite statement deletes (or clears) its own entry's table");

        var forgotten = await new TeamDataStore(_file.Database).DeletePersonAsync("T0001", "U0AUTHOR1", DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.That(forgotten.Counts, Has.Count.EqualTo(PersonDataKinds.All.Count).And.All.EqualTo(0));
    }
}
