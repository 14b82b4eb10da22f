namespace AsyncCoach.Slack.SocketMode;

/// <summary>
/// One text frame from Slack's Socket Mode (slack-platform.md §8): a <c>hello</c>, a
/// <c>disconnect</c> or an envelope (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>).
/// <see cref="Payload"/> is the envelope's <c>payload</c> object exactly as it came (UTF-8 JSON):
/// for <c>events_api</c> that is the HTTP <c>event_callback</c> body.
/// </summary>
public sealed record SocketModeFrame(string Type)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    public string? EnvelopeId { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    /// <summary>How many times Slack has sent this envelope before (<c>events_api</c>).</summary>
    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    /// <summary>A <c>disconnect</c>'s reason: <see cref="DisconnectReason"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>A <c>hello</c>'s count of this app's open connections.</summary>
    public int? NumConnections { get; init; }

    /// <summary>A <c>hello</c>'s <c>debug_info.approximate_connection_time</c>, in seconds.</summary>
    public int? ApproximateConnectionTime { get; init; }

    public byte[]? Payload { get; init; }

    public bool IsEnvelope => EnvelopeId is not null;
}

/// <summary>The reasons of a <c>disconnect</c> frame.</summary>
public static class DisconnectReason
{
    /// <summary>About 10 s before a refresh.</summary>
    public const string Warning = "warning";

    /// <summary>Reconnect now.</summary>
    public const string RefreshRequested = "refresh_requested";

    /// <summary>Socket Mode was turned off in the app's settings: do not reconnect.</summary>
    public const string LinkDisabled = "link_disabled";
}
