using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Events;

/// <summary>
/// The inner event of an <c>event_callback</c>. One shape serves every event type the app
/// subscribes to; fields that a type does not carry stay null. For <c>message_changed</c> the
/// new version is <see cref="Message"/>; for <c>message_deleted</c>, <see cref="DeletedTs"/>.
/// </summary>
public sealed record SlackEvent
{
    [JsonPropertyName("type")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("subtype")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Subtype { get; set; }

    [JsonPropertyName("channel")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Channel { get; set; }

    [JsonPropertyName("channel_type")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ChannelType { get; set; }

    [JsonPropertyName("user")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? User { get; set; }

    [JsonPropertyName("bot_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? BotId { get; set; }

    [JsonPropertyName("text")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Text { get; set; }

    [JsonPropertyName("ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ts { get; set; }

    [JsonPropertyName("thread_ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ThreadTs { get; set; }

    [JsonPropertyName("event_ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventTs { get; set; }

    [JsonPropertyName("team")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Team { get; set; }

    [JsonPropertyName("hidden")]
    public bool Hidden { get; set; }

    [JsonPropertyName("deleted_ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? DeletedTs { get; set; }

    [JsonPropertyName("message")]
    public SlackEvent? Message { get; set; }

    [JsonPropertyName("previous_message")]
    public SlackEvent? PreviousMessage { get; set; }

    [JsonPropertyName("tab")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Tab { get; set; }
}
