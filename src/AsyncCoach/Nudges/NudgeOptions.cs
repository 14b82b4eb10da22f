namespace AsyncCoach.Nudges;

/// <summary>The outbox sender's pacing (<c>Nudges:*</c>).</summary>
public sealed class NudgeOptions
{
    public const string Section = "Nudges";

    /// <summary>How often the sender looks for due rows when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait after a transient failure; doubles per attempt, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long the sender waits, once woken by a commit, before it reads what is due, so that
    /// the messages committed meanwhile go out in one round (one read, one claim, ends committed
    /// together) rather than one round each: at 1,000 events/s a wake-up brought one or two
    /// nudges. It adds at most this much to event → Slack; zero reads at once.
    /// </summary>
    public TimeSpan WakeDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Calls in flight at once for one team (Slack's limits are per workspace and method).</summary>
    public int SendsPerTeam { get; set; } = 8;
}
