namespace AsyncCoach.Caching;

/// <summary>
/// Bounds of the stores' read-through caches (<c>Caches:*</c>): person settings, team norms and
/// installations. The people directory's own caches are <c>Workspace:*</c>.
/// </summary>
public sealed class CacheOptions
{
    public const string Section = "Caches";

    /// <summary>People's settings (hours, zone, snooze, opt-out; or "none set") held over all workspaces.</summary>
    public int MaxPersonSettings { get; set; } = 100_000;

    /// <summary>Teams whose norms, and teams whose installation, are held (each cache on its own).</summary>
    public int MaxTeams { get; set; } = 10_000;

    /// <summary>
    /// How long a cached entry is served before it is read again: every write goes through the
    /// store, so this only lets idle entries go and bounds how stale a row changed by another
    /// instance (PostgreSQL) can be.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
