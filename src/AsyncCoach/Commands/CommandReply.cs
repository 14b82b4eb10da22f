using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AsyncCoach.Commands;

/// <summary>The JSON body a slash command is answered with: ephemeral unless said otherwise.</summary>
public sealed record CommandReply(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("response_type")] string ResponseType = "ephemeral",
    [property: JsonPropertyName("blocks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonArray? Blocks = null)
{
    public static CommandReply Ephemeral(string text, JsonArray? blocks = null) => new(text, "ephemeral", blocks);
}

[JsonSerializable(typeof(CommandReply))]
public sealed partial class CommandReplyJsonContext : JsonSerializerContext;
