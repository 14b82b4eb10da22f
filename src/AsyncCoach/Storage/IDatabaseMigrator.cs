namespace AsyncCoach.Storage;

/// <summary>
/// Brings the provider's schema up to date at start (the numbered scripts under
/// <c>Storage/Migrations/{Provider}/</c>, each applied once and recorded in <c>schema_version</c>).
/// Called once per process, on a thread of its own, before <see cref="DatabaseReadiness"/> is set:
/// nothing else touches the database until it returns.
/// </summary>
public interface IDatabaseMigrator
{
    /// <summary>
    /// Creates what the database needs to exist (SQLite: the file's folder, write-ahead logging),
    /// applies the scripts not yet applied, in name order, all in one transaction, and returns their
    /// names (empty when there was nothing to do). All or nothing: a failing script throws
    /// <see cref="InvalidOperationException"/> naming it and leaves the schema as it was. Safe when
    /// several processes start at once (a provider for several instances takes a lock for it).
    /// </summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
