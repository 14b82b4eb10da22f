using DbUp;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Applies the numbered SQL scripts embedded under Storage/Migrations/Sqlite with DbUp, in name
/// order and in one transaction, journaled in <c>schema_version</c>. DbUp's own set-up costs
/// 100–200 ms of a start, so a database whose journal already lists every script (every start but
/// the first) is recognised with one query and DbUp is not built at all.
/// </summary>
public static class DatabaseMigrator
{
    public const string ScriptPrefix = "AsyncCoach.Storage.Migrations.Sqlite.";

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
        if (!Pending(connection).Any())
        {
            return [];
        }

        var result = DeployChanges.To
            .SqliteDatabase(connection.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .WithTransaction()
            .JournalToSqliteTable("schema_version")
            .LogToNowhere()
            .Build()
            .PerformUpgrade();

        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database migration failed at script {result.ErrorScript?.Name ?? "(unknown)"}: {result.Error.Message}", result.Error);
        }

        return [.. result.Scripts.Select(s => s.Name)];
    }

    /// <summary>The embedded scripts the journal does not list (all of them when there is no journal).</summary>
    private static IEnumerable<string> Pending(SqliteConnection connection)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (command.ExecuteScalar() is not null)
        {
            command.CommandText = "SELECT ScriptName FROM schema_version";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }

        return ScriptNames().Where(name => !applied.Contains(name));
    }
}
