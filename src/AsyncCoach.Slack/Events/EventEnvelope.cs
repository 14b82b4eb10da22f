using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Events;

/// <summary>
/// The outer Events API body: <c>url_verification</c>, <c>event_callback</c> or
/// <c>app_rate_limited</c> (https://docs.slack.dev/apis/events-api). Unknown fields are ignored.
/// </summary>
public sealed record EventEnvelope
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";
    public const string AppRateLimited = "app_rate_limited";

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("challenge")]
    public string? Challenge { get; init; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    [JsonPropertyName("api_app_id")]
    public string? ApiAppId { get; init; }

    [JsonPropertyName("event_id")]
    public string? EventId { get; init; }

    [JsonPropertyName("event_time")]
    public long? EventTime { get; init; }

    [JsonPropertyName("event")]
    public SlackEvent? Event { get; init; }

    [JsonPropertyName("authorizations")]
    public IReadOnlyList<Authorization>? Authorizations { get; init; }
}

/// <summary>One installation that can see the event; <c>user_id</c> with <c>is_bot</c> is our bot user.</summary>
public sealed record Authorization
{
    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    [JsonPropertyName("is_bot")]
    public bool IsBot { get; init; }
}
