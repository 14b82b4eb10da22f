namespace AsyncCoach.Storage.Postgres;

/// <summary>The PostgreSQL provider's <see cref="IDatabaseMigrator"/>: <see cref="PostgresMigrator"/> under its advisory lock.</summary>
public sealed class PostgresDatabaseMigrator(PostgresDatabase database, TimeProvider time) : IDatabaseMigrator
{
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        PostgresMigrator.MigrateAsync(database, time.GetUtcNow(), cancellationToken);
}
