using System.Text.Json.Serialization;
using AsyncCoach.Core.Nudges;

namespace AsyncCoach.Nudges;

/// <summary>Source-generated JSON for a nudge's words while it waits in the outbox.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(NudgeContent))]
public sealed partial class NudgeJsonContext : JsonSerializerContext;
