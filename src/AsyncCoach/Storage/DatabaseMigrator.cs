using DbUp;

namespace AsyncCoach.Storage;

/// <summary>Applies the numbered SQL scripts embedded under Storage/Migrations/Sqlite, in one transaction, journaled in schema_version.</summary>
public static class DatabaseMigrator
{
    private const string ScriptPrefix = "AsyncCoach.Storage.Migrations.Sqlite.";

    public static void Migrate(string connectionString)
    {
        var result = DeployChanges.To
            .SqliteDatabase(connectionString)
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
    }
}
