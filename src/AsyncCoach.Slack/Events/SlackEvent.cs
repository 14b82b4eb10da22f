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
    public string? Type { get; init; }

    [JsonPropertyName("subtype")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Subtype { get; init; }

    [JsonPropertyName("channel")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Channel { get; init; }

    [JsonPropertyName("channel_type")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ChannelType { get; init; }

    [JsonPropertyName("user")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? User { get; init; }

    [JsonPropertyName("bot_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? BotId { get; init; }

    [JsonPropertyName("text")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Text { get; init; }

    [JsonPropertyName("ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ts { get; init; }

    [JsonPropertyName("thread_ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("event_ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventTs { get; init; }

    [JsonPropertyName("team")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Team { get; init; }

    [JsonPropertyName("hidden")]
    public bool Hidden { get; init; }

    [JsonPropertyName("deleted_ts")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? DeletedTs { get; init; }

    [JsonPropertyName("message")]
    public SlackEvent? Message { get; init; }

    [JsonPropertyName("previous_message")]
    public SlackEvent? PreviousMessage { get; init; }

    [JsonPropertyName("tab")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Tab { get; init; }
}
