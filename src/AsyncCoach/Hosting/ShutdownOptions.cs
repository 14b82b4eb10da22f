namespace AsyncCoach.Hosting;

/// <summary>How the service stops on SIGTERM (<c>Shutdown:*</c>).</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long a stop may take (the host's <see cref="HostOptions.ShutdownTimeout"/>): requests in
    /// flight are answered, the inbox's round in flight is handed back, Slack calls already made are
    /// let finish. Keep it below the supervisor's own limit (systemd <c>TimeoutStopSec</c>, Docker's
    /// <c>stop_grace_period</c>), or the process is killed first.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
