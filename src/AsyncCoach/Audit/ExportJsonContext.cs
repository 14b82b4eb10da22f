using System.Text.Json.Serialization;

namespace AsyncCoach.Audit;

/// <summary>A user in users.json; only what the audit needs, every other field is skipped.</summary>
internal sealed record ExportUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("team_id")] string? TeamId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("tz")] string? Tz,
    [property: JsonPropertyName("is_bot")] bool? IsBot,
    [property: JsonPropertyName("deleted")] bool? Deleted);

/// <summary>A conversation in channels.json, groups.json, dms.json or mpims.json.</summary>
internal sealed record ExportConversation(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("members")] IReadOnlyList<string>? Members);

[JsonSourceGenerationOptions(AllowTrailingCommas = false, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<ExportUser>))]
[JsonSerializable(typeof(List<ExportConversation>))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
