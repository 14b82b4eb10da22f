using AsyncCoach.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Hosting;

public sealed class DatabaseMigratorTests
{
    // The journal table exactly as DbUp (dbup-sqlite 6) creates it.
    private const string DbUpJournal = """
        CREATE TABLE [schema_version] (
            SchemaVersionID INTEGER CONSTRAINT [PK_schema_version_Id] PRIMARY KEY AUTOINCREMENT NOT NULL,
            ScriptName TEXT NOT NULL,
            Applied DATETIME NOT NULL
        )
        """;

    private string _path = null!;

    [SetUp]
    public void NewFile() => _path = TestFiles.NewDatabase("migrate");

    [TearDown]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Script(string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<string> Tables(SqliteConnection connection) =>
        Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    [Test]
    public void The_embedded_scripts_run_in_name_order()
    {
        var names = DatabaseMigrator.ScriptNames();

        Assert.That(names, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(names, Has.All.StartWith(DatabaseMigrator.ScriptPrefix).And.EndWith(".sql"));
    }

    [Test]
    public void A_fresh_database_gets_every_script_each_journaled_once()
    {
        using var connection = Open();

        var ran = DatabaseMigrator.Migrate(connection);

        Assert.That(ran, Is.EqualTo(DatabaseMigrator.ScriptNames()));
        Assert.That(Strings(connection, "SELECT ScriptName FROM schema_version ORDER BY SchemaVersionID"), Is.EqualTo(ran));
        Assert.That(Tables(connection), Is.SupersetOf(new[] { "inbox", "findings", "team_norms", "person_settings", "nudges", "installations" }));
    }

    [Test]
    public void Migrating_an_up_to_date_database_runs_nothing()
    {
        using var connection = Open();
        DatabaseMigrator.Migrate(connection);

        var ran = DatabaseMigrator.Migrate(connection);

        Assert.That(ran, Is.Empty);
        Assert.That(Strings(connection, "SELECT ScriptName FROM schema_version"), Has.Count.EqualTo(DatabaseMigrator.ScriptNames().Count));
    }

    [Test]
    public void A_database_DbUp_migrated_carries_on_from_its_journal()
    {
        var names = DatabaseMigrator.ScriptNames();
        using var connection = Open();
        Execute(connection, DbUpJournal);
        foreach (var name in names.Take(2))
        {
            Execute(connection, Script(name));
            Execute(connection, $"INSERT INTO schema_version (ScriptName, Applied) VALUES ('{name}', '2026-11-20 09:00:00.0000000')");
        }

        var ran = DatabaseMigrator.Migrate(connection);

        Assert.That(ran, Is.EqualTo(names.Skip(2)));
        Assert.That(Strings(connection, "SELECT ScriptName FROM schema_version ORDER BY SchemaVersionID"), Is.EqualTo(names));
        Assert.That(Strings(connection, "SELECT sql FROM sqlite_master WHERE name = 'schema_version'").Single(), Does.Contain("[PK_schema_version_Id]"));
    }

    [Test]
    public void A_failing_script_leaves_the_database_as_it_was_and_names_the_script()
    {
        using var connection = Open();

        // The first script's CREATE TABLE inbox then fails.
        Execute(connection, "CREATE TABLE inbox (x INTEGER)");

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseMigrator.Migrate(connection));

        Assert.That(error!.Message, Does.StartWith("Database migration failed at script " + DatabaseMigrator.ScriptNames()[0]));
        Assert.That(Tables(connection), Is.EqualTo(new[] { "inbox" }));
    }
}
