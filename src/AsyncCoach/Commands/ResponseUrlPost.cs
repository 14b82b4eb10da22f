using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AsyncCoach.Commands;

/// <summary>
/// A message for a slash command's or an interaction's <c>response_url</c> (at most 5 posts
/// within 30 minutes). Mirrors the webapi branch's <c>ResponseUrlMessage</c> so switching is a rename.
/// </summary>
public sealed record ResponseUrlPost(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonArray? Blocks = null)
{
    [JsonPropertyName("response_type")]
    public string ResponseType { get; init; } = "ephemeral";

    [JsonPropertyName("replace_original"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReplaceOriginal { get; init; }

    public static ResponseUrlPost From(CommandReply reply) => new(reply.Text, reply.Blocks) { ResponseType = reply.ResponseType };
}

[JsonSerializable(typeof(ResponseUrlPost))]
public sealed partial class ResponseUrlPostJsonContext : JsonSerializerContext;
