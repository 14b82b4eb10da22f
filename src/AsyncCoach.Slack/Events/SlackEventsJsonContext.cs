using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Events;

/// <summary>Source-generated serialisation for Events API bodies (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, AllowTrailingCommas = false)]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(EventEnvelopeHead))]
public sealed partial class SlackEventsJsonContext : JsonSerializerContext;
