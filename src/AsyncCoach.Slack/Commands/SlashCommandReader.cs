using System.Text.Json;

namespace AsyncCoach.Slack.Commands;

/// <summary>
/// Reads a <see cref="SlashCommand"/> from its fields, whichever transport brought them: the
/// form fields of an HTTP request, or the JSON object in a Socket Mode <c>slash_commands</c> envelope.
/// </summary>
public static class SlashCommandReader
{
    private static readonly string[] Required = ["command", "team_id", "user_id", "channel_id"];

    /// <param name="field">A field's value, or null when it is missing or empty.</param>
    /// <param name="missing">The first required field that is missing, when the result is null.</param>
    public static SlashCommand? Read(Func<string, string?> field, out string? missing)
    {
        missing = Array.Find(Required, name => string.IsNullOrEmpty(field(name)));
        if (missing is not null)
        {
            return null;
        }

        return new SlashCommand(
            field("team_id")!,
            field("channel_id")!,
            field("user_id")!,
            field("command")!,
            field("text") ?? "",
            field("response_url"),
            field("trigger_id"),
            field("channel_name"),
            field("enterprise_id"),
            string.Equals(field("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads a command from the JSON object of a Socket Mode <c>slash_commands</c> envelope. The
    /// fields are strings as in the form; a flag such as <c>is_enterprise_install</c> may be a JSON boolean.
    /// </summary>
    /// <param name="utf8Json">The envelope's <c>payload</c> object.</param>
    /// <param name="missing">The first required field that is missing, when the result is null.</param>
    /// <exception cref="FormatException">Not a JSON object (the message says where, never quotes the payload).</exception>
    public static SlashCommand? ReadJson(ReadOnlySpan<byte> utf8Json, out string? missing)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("payload is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    _ => null,
                };
                if (!string.IsNullOrEmpty(value))
                {
                    fields[name] = value;
                }

                reader.Skip();
            }

            reader.Read();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"payload is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})", ex);
        }

        return Read(name => fields.GetValueOrDefault(name), out missing);
    }
}
