using System.Net;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// A Web API call that Slack answered with <c>ok:false</c>, a non-success status, or an answer we
/// could not read. <see cref="Error"/> is Slack's code (or <c>http_503</c>, <c>invalid_response</c>);
/// the message holds only the method and codes, never tokens or message text.
/// </summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown", SlackErrorCodes.InvalidResponse)
    {
    }

    public SlackApiException(string message)
        : this("unknown", SlackErrorCodes.InvalidResponse, message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = SlackErrorCodes.InvalidResponse;
    }

    public SlackApiException(string method, string error, string? detail = null, Exception? innerException = null)
        : base(detail is null ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} ({detail})", innerException)
    {
        Method = method;
        Error = error;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>, or <c>response_url</c>.</summary>
    public string Method { get; }

    public string Error { get; }

    public HttpStatusCode? StatusCode { get; init; }

    public string? Needed { get; init; }

    public string? Provided { get; init; }

    public string? Warning { get; init; }

    /// <summary>Slack's <c>response_metadata.messages</c>, e.g. why blocks were invalid.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>From <c>Retry-After</c> when rate limited.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether a later attempt may succeed (for the outbox's retry decision).</summary>
    public bool IsTransient => SlackErrorCodes.IsTransient(Error)
        || StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError;
}
