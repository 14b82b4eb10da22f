namespace AsyncCoach.Acceptance;

/// <summary>What became of an Events API body: each transport turns it into its own answer.</summary>
public enum EventAcceptanceKind
{
    /// <summary>Durable in the inbox: acknowledge it.</summary>
    Accepted,

    /// <summary>A <c>url_verification</c>: answer with <see cref="EventAcceptance.Detail"/>, the challenge.</summary>
    Challenge,

    /// <summary>An envelope type AsyncCoach does not use: acknowledge it, nothing stored.</summary>
    Ignored,

    /// <summary>Malformed or incomplete: <see cref="EventAcceptance.Detail"/> says why. Nothing stored.</summary>
    Rejected,

    /// <summary>Not stored because the inbox failed: do not acknowledge, so Slack retries.</summary>
    Unavailable,
}

/// <summary>The outcome of <see cref="EventAcceptor.AcceptAsync"/>; a struct, as it is made for every event.</summary>
public readonly record struct EventAcceptance(EventAcceptanceKind Kind, string? Detail = null)
{
    public static EventAcceptance Accepted => new(EventAcceptanceKind.Accepted);

    public static EventAcceptance Rejected(string reason) => new(EventAcceptanceKind.Rejected, reason);
}
