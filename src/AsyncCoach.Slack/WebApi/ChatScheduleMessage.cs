using System.Text.Json.Serialization;
using AsyncCoach.Slack.BlockKit;

namespace AsyncCoach.Slack.WebApi;

/// <summary><c>chat.scheduleMessage</c>: Slack posts the message at <see cref="PostAt"/> (sent as Unix seconds).</summary>
public sealed record ScheduleMessageRequest(
    string Channel,
    string Text,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset PostAt,
    IReadOnlyList<Block>? Blocks = null,
    string? ThreadTs = null);

public sealed record ScheduleMessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? ScheduledMessageId { get; init; }

    /// <summary>Slack's docs example sends this as a string; the converter takes both.</summary>
    [JsonConverter(typeof(NullableUnixSecondsConverter))]
    public DateTimeOffset? PostAt { get; init; }
}
