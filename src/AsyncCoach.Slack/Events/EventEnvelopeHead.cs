using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Events;

/// <summary>
/// The few fields of an Events API body that acknowledging it needs: what it is, the challenge of a
/// <c>url_verification</c>, and what the inbox row is keyed and ordered by. Everything else is
/// skipped unread (still checked to be well-formed JSON); the whole <see cref="EventEnvelope"/> is
/// read once, by the inbox processor.
/// </summary>
public sealed record EventEnvelopeHead
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("challenge")]
    public string? Challenge { get; set; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; set; }

    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }

    [JsonPropertyName("event")]
    public SlackEventHead? Event { get; set; }
}

/// <summary>The inner event's type and conversation, read as leniently as <see cref="SlackEvent"/> reads them.</summary>
public sealed record SlackEventHead
{
    [JsonPropertyName("type")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("channel")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Channel { get; set; }
}
