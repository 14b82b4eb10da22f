namespace AsyncCoach.Slack.WebApi;

/// <summary>Slack <c>error</c> codes the client treats specially.</summary>
public static class SlackErrorCodes
{
    public const string RateLimited = "ratelimited";
    public const string InternalError = "internal_error";
    public const string FatalError = "fatal_error";
    public const string RequestTimeout = "request_timeout";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InvalidAuth = "invalid_auth";
    public const string NotAuthed = "not_authed";
    public const string MissingScope = "missing_scope";

    /// <summary>Our own code for an answer that is not the JSON Slack documents.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>Our own code: every attempt (or the whole call) timed out on our side.</summary>
    public const string ClientTimeout = "client_timeout";

    /// <summary>Our own code: Slack could not be reached (DNS, connection refused or reset…).</summary>
    public const string NetworkError = "network_error";

    /// <summary>
    /// Errors worth retrying: Slack says the same call may succeed later. Everything else
    /// (<c>invalid_auth</c>, <c>channel_not_found</c>, <c>missing_scope</c>…) fails the same way
    /// every time, so it is surfaced at once.
    /// </summary>
    public static bool IsTransient(string? error) => error is RateLimited or InternalError or FatalError
        or RequestTimeout or ServiceUnavailable or ClientTimeout or NetworkError;
}
