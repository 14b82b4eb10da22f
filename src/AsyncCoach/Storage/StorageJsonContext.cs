using System.Text.Json.Serialization;

namespace AsyncCoach.Storage;

/// <summary>Source-generated JSON for the small documents stored in columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<StoredRecipient>))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class StorageJsonContext : JsonSerializerContext;
