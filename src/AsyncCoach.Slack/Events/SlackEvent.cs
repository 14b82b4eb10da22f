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
    public string? Type { get; init; }

    [JsonPropertyName("subtype")]
    public string? Subtype { get; init; }

    [JsonPropertyName("channel")]
    public string? Channel { get; init; }

    [JsonPropertyName("channel_type")]
    public string? ChannelType { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("ts")]
    public string? Ts { get; init; }

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("event_ts")]
    public string? EventTs { get; init; }

    [JsonPropertyName("team")]
    public string? Team { get; init; }

    [JsonPropertyName("hidden")]
    public bool Hidden { get; init; }

    [JsonPropertyName("deleted_ts")]
    public string? DeletedTs { get; init; }

    [JsonPropertyName("message")]
    public SlackEvent? Message { get; init; }

    [JsonPropertyName("previous_message")]
    public SlackEvent? PreviousMessage { get; init; }

    [JsonPropertyName("tab")]
    public string? Tab { get; init; }
}
