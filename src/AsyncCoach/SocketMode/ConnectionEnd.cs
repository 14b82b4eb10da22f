namespace AsyncCoach.SocketMode;

/// <summary>Why a Socket Mode connection stops being the one to rely on.</summary>
public enum ConnectionEnd
{
    /// <summary><c>disconnect</c> with <c>warning</c> or <c>refresh_requested</c>: open a replacement now; this one serves until it closes.</summary>
    Refresh,

    /// <summary>Closed, dropped, or its pings unanswered: reconnect after a backoff.</summary>
    Dropped,

    /// <summary><c>disconnect</c> with <c>link_disabled</c>: Socket Mode is off in the app's settings; do not reconnect.</summary>
    LinkDisabled,
}
