using System.Text.Json.Serialization;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.SocketMode;

/// <summary>The answer of <c>apps.connections.open</c>: a single-use <c>wss://</c> URL.</summary>
public sealed record ConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}

/// <summary>Source-generated serialisation for the Socket Mode Web API call.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
public sealed partial class SocketModeJsonContext : JsonSerializerContext;
