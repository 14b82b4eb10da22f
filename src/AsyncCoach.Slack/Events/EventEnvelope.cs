using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Events;

/// <summary>
/// The outer Events API body: <c>url_verification</c>, <c>event_callback</c> or
/// <c>app_rate_limited</c> (https://docs.slack.dev/apis/events-api). Unknown fields are ignored.
/// </summary>
/// <remarks>
/// Settable, not <c>init</c>, properties here and in <see cref="SlackEvent"/>: the source generator
/// can only fill <c>init</c> properties through its constructor path (arguments buffered, then an
/// object initializer), measurably slower on every event (docs/benchmarks.md). The whole envelope
/// is read when an event is processed; acknowledging one reads only its <see cref="EventEnvelopeHead"/>.
/// </remarks>
public sealed record EventEnvelope
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";
    public const string AppRateLimited = "app_rate_limited";

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("challenge")]
    public string? Challenge { get; set; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; set; }

    /// <summary>Enterprise Grid: the organisation, and whether the app is installed org-wide (then its token is the org's).</summary>
    [JsonPropertyName("enterprise_id")]
    public string? EnterpriseId { get; set; }

    [JsonPropertyName("is_enterprise_install")]
    public bool IsEnterpriseInstall { get; set; }

    [JsonPropertyName("api_app_id")]
    public string? ApiAppId { get; set; }

    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }

    [JsonPropertyName("event_time")]
    public long? EventTime { get; set; }

    [JsonPropertyName("event")]
    public SlackEvent? Event { get; set; }

    [JsonPropertyName("authorizations")]
    public IReadOnlyList<Authorization>? Authorizations { get; set; }
}

/// <summary>One installation that can see the event; <c>user_id</c> with <c>is_bot</c> is our bot user.</summary>
public sealed record Authorization
{
    [JsonPropertyName("team_id")]
    public string? TeamId { get; set; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("is_bot")]
    public bool IsBot { get; set; }
}
