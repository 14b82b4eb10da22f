using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCoach.Slack.Events;

/// <summary>
/// Reads a string, and anything else as null. Some event types reuse a field name for an
/// object (<c>user</c> is a user object in <c>team_join</c> and <c>user_change</c>); such events
/// must still be acknowledged, never rejected for their shape.
/// </summary>
public sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
