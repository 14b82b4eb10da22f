using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded under Storage/Migrations/Sqlite that the database has
/// not had yet, in name order and in one transaction, each recorded in <c>schema_version</c>.
/// That is the journal DbUp kept when it ran them (same table, columns and script names), so a
/// database migrated by an earlier version carries on where it stopped. DbUp itself is gone: it
/// cost two to four times what the scripts do on every start (docs/decisions.md).
/// </summary>
public static class DatabaseMigrator
{
    public const string ScriptPrefix = "AsyncCoach.Storage.Migrations.Sqlite.";

    // DbUp's SQLite journal table, exactly as DbUp created it.
    private const string CreateJournalSql = """
        CREATE TABLE IF NOT EXISTS [schema_version] (
            SchemaVersionID INTEGER CONSTRAINT [PK_schema_version_Id] PRIMARY KEY AUTOINCREMENT NOT NULL,
            ScriptName TEXT NOT NULL,
            Applied DATETIME NOT NULL
        )
        """;

    /// <summary>The embedded scripts' names (resource names, as journaled), in the order they run.</summary>
    public static IReadOnlyList<string> ScriptNames() =>
        [.. typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Brings the database on <paramref name="connection"/> up to date and returns the names of the
    /// scripts it ran. All or nothing: a failing script leaves the database as it was.
    /// </summary>
    public static IReadOnlyList<string> Migrate(SqliteConnection connection)
    {
        // BEGIN IMMEDIATE: a second process migrating the same file waits (busy_timeout), then
        // finds the scripts already journaled.
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, CreateJournalSql);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var select = Command(connection, transaction, "SELECT ScriptName FROM schema_version"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }

        var ran = new List<string>();
        foreach (var name in ScriptNames().Where(n => !applied.Contains(n)))
        {
            try
            {
                Execute(connection, transaction, ReadScript(name));
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"Database migration failed at script {name}: {ex.Message}", ex);
            }

            using var journal = Command(connection, transaction, "INSERT INTO schema_version (ScriptName, Applied) VALUES (@name, @applied)");
            journal.Parameters.AddWithValue("@name", name);

            // Local time, as DbUp wrote it.
            journal.Parameters.AddWithValue("@applied", DateTime.Now);
            journal.ExecuteNonQuery();
            ran.Add(name);
        }

        transaction.Commit();
        return ran;
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
