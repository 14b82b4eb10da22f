namespace AsyncCoach.Core.Tracking;

/// <summary>The message-burst thresholds of RULES.md.</summary>
public static class MessageBurstLimits
{
    /// <summary>A message shorter than this many characters (as written, markup included) counts.</summary>
    public const int MaxLength = 80;

    /// <summary>How many consecutive messages make a burst.</summary>
    public const int RunLength = 4;

    /// <summary>The last message of the run is at most this long after the first.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromSeconds(120);
}
