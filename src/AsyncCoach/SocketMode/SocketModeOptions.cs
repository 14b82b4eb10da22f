namespace AsyncCoach.SocketMode;

/// <summary>
/// Tuning of the Socket Mode client, bound from the <c>SocketMode</c> section. Socket Mode itself
/// is on when <c>Slack:AppToken</c> is set.
/// </summary>
public sealed class SocketModeOptions
{
    public const string Section = "SocketMode";

    /// <summary>How often a WebSocket ping is sent to Slack.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A ping with no pong after this long: the connection is dead, and is replaced.</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a new connection may take to say <c>hello</c>.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a failed or dropped connection; doubled per failure in a row, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest frame read; a larger one is skipped (and logged), the connection kept. As the HTTP endpoints' body limit.</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>The backoff before attempt <paramref name="failures"/> (1 = after the first failure): exponential, capped, then jittered to 50–100 %.</summary>
    public TimeSpan Backoff(int failures, double jitter)
    {
        var exponential = ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var capped = Math.Min(exponential, ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1))));
    }
}
