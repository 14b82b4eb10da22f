using System.Text.Json.Serialization;

namespace AsyncCoach.Digests;

/// <summary>
/// A digest waiting in the outbox: which week (its Monday in <see cref="Zone"/>) and whether it
/// is late. The figures are read when it is sent, so no message text and no names are queued.
/// </summary>
public sealed record DigestPayload(string WeekMonday, string Zone, bool Late);

/// <summary>Source-generated JSON for <see cref="DigestPayload"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DigestPayload))]
public sealed partial class DigestJsonContext : JsonSerializerContext;
