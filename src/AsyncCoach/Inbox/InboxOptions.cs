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

    /// <summary>Rows claimed per round.</summary>
    public int BatchSize { get; set; } = 256;
}
