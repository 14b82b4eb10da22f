namespace AsyncCoach.Installations;

/// <summary>How long data is kept (<c>Retention</c> section).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a team's data is kept after it uninstalled (0: deleted at once). A reinstall within them resumes with it.</summary>
    public int UninstalledTeamDays { get; set; } = 30;

    /// <summary>Days findings, nudge history, attempts and feedback are kept for a team without its own <c>retention_days</c> norm.</summary>
    public int DataDays { get; set; } = 180;

    /// <summary>Days the hourly activity counters (aggregates that name nobody) are kept.</summary>
    public int CounterDays { get; set; } = 730;

    /// <summary>Days dry-run's recorded Web API calls are kept.</summary>
    public int DryRunCallDays { get; set; } = 7;

    /// <summary>How often the retention pass runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
