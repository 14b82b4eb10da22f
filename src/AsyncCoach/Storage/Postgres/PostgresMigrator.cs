using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Applies the numbered SQL scripts embedded under Storage/Postgres/Migrations, in name order, in
/// one transaction, journaled in <c>schema_migrations</c>. The transaction first takes a
/// transaction-scoped advisory lock, so instances starting together take turns: the first applies
/// the scripts, the others wait for its commit, then find nothing left to do. (DbUp's PostgreSQL
/// package was not used: its journal and script runner are built on reflection-heavy code that a
/// native AOT publish warns about, and this is all it would do here.)
/// </summary>
public static class PostgresMigrator
{
    public const string ScriptPrefix = "AsyncCoach.Storage.Postgres.Migrations.";

    // Any bigint unique to this application: "AsyncCoa" in ASCII.
    private const long LockKey = 0x4173796E63436F61;

    /// <summary>The embedded scripts' names (resource names, as journaled), in the order they run.</summary>
    public static IReadOnlyList<string> ScriptNames() =>
        [.. typeof(PostgresMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Brings the database up to date and returns the names of the scripts this call ran (none
    /// when another instance had already). All or nothing: a failing script leaves it as it was.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PostgresDatabase database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Pg.Command(connection, "SELECT pg_advisory_xact_lock(@Key)", transaction).With("Key", LockKey))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = Pg.Command(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)", transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Pg.Command(connection, "SELECT name FROM schema_migrations", transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var ran = new List<string>();
        foreach (var name in ScriptNames().Where(name => !applied.Contains(name)))
        {
            try
            {
                await using (var command = Pg.Command(connection, ReadScript(name), transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var command = Pg.Command(connection, "INSERT INTO schema_migrations (name, applied_at) VALUES (@Name, @Now)", transaction)
                    .With("Name", name).WithInstant("Now", now))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException($"Database migration failed at script {name}: {ex.MessageText}", ex);
            }

            ran.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return ran;
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(PostgresMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
