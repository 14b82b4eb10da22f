namespace AsyncCoach.Inbox;

/// <summary>Tuning for the inbox processor, bound from the <c>Inbox</c> configuration section.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>How often the processor looks for work when nothing wakes it (after a failure, or rows left by another process).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a wake-up, how long the processor lets further events arrive before it claims a
    /// round (real time). At a steady trickle this turns one round per event into one round per
    /// few events, which shares a round's fixed cost (scope, transaction, commit); zero turns it off.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How many nice steps below the rest of the service the processor's thread runs, 0 to 19
    /// (Linux; on Windows any value above zero means below-normal priority; ignored elsewhere).
    /// When the cores are busy, acknowledging Slack (on its 3-second clock) goes first and
    /// processing waits a moment. Zero runs it at the service's priority.
    /// </summary>
    public int ProcessorNice { get; set; } = 10;

    /// <summary>Rows claimed per round.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// How long a processed row (its payload already cleared) is kept after it arrived. Its
    /// <c>event_id</c> is what turns a late Slack retry into a no-op: Slack retries within 5 minutes,
    /// and for 24 hours when the app opts into Delayed Events, hence two days by default.
    /// </summary>
    public TimeSpan KeepProcessedFor { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a row given up after <see cref="Storage.IInboxStore.MaxAttempts"/> failures is kept, so an operator can read its <c>last_error</c>.</summary>
    public TimeSpan KeepFailedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The shortest retention accepted: Slack's last ordinary retry comes 5 minutes after the first delivery.</summary>
    public static readonly TimeSpan MinimumKeep = TimeSpan.FromMinutes(10);
}
