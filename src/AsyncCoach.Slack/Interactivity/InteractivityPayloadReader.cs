using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AsyncCoach.Slack.WebApi;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// Reads interaction payloads into their typed records (source-generated JSON, no DOM), whichever
/// transport brought them: the <c>payload</c> form field over HTTP, the envelope's <c>payload</c>
/// object over Socket Mode. Verify the signature on the raw body before calling this.
/// Every <see cref="FormatException"/> message is a reason fit for a 400 or a log line: it never
/// quotes the payload.
/// </summary>
public static class InteractivityPayloadReader
{
    /// <summary>The JSON in the form's <c>payload</c> field.</summary>
    /// <exception cref="FormatException">No <c>payload</c> field.</exception>
    public static string ReadPayloadJson(string formBody) =>
        QueryHelpers.ParseQuery(formBody).TryGetValue("payload", out var payload) && payload.Count == 1 && !string.IsNullOrEmpty(payload[0])
            ? payload[0] ?? ""
            : throw new FormatException("The interactivity body has no payload field.");

    /// <summary>
    /// The payload, typed by its <c>type</c>: <see cref="BlockActionsPayload"/>,
    /// <see cref="ViewSubmissionPayload"/>, or <see cref="OtherInteractionPayload"/> for the types the coach does not model.
    /// </summary>
    /// <exception cref="FormatException">
    /// Not JSON (<c>payload is not valid JSON</c>), not an object with a string <c>type</c>
    /// (<c>payload has no type</c>), or not the documented shape of its type.
    /// </exception>
    public static InteractionPayload Read(ReadOnlySpan<byte> utf8Json) => ReadType(utf8Json) switch
    {
        BlockActionsPayload.TypeName => Deserialize(utf8Json, BlockActionsPayload.TypeName, SlackJsonContext.Default.BlockActionsPayload),
        ViewSubmissionPayload.TypeName => Deserialize(utf8Json, ViewSubmissionPayload.TypeName, SlackJsonContext.Default.ViewSubmissionPayload),
        var other => ReadOther(utf8Json, other),
    };

    /// <inheritdoc cref="Read(ReadOnlySpan{byte})"/>
    public static InteractionPayload Read(string payloadJson) => Read(Encoding.UTF8.GetBytes(payloadJson));

    /// <summary>
    /// The payload's <c>type</c>, e.g. <c>block_actions</c> or <c>view_submission</c>, read before
    /// committing to a shape; the whole payload is checked to be one JSON object on the way.
    /// </summary>
    /// <exception cref="FormatException">Not JSON, or not a JSON object with a string <c>type</c>.</exception>
    public static string ReadType(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        string? type = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // Still reject what is not JSON at all as such, not as "no type".
                reader.Skip();
                while (reader.Read())
                {
                }

                throw new FormatException("payload has no type");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType && type is null && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }

                reader.Skip();
            }

            // Reading past the object throws when anything but whitespace follows it.
            reader.Read();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"payload is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})", ex);
        }

        return type is { Length: > 0 } ? type : throw new FormatException("payload has no type");
    }

    /// <inheritdoc cref="ReadType(ReadOnlySpan{byte})"/>
    public static string ReadType(string payloadJson) => ReadType(Encoding.UTF8.GetBytes(payloadJson));

    /// <exception cref="FormatException">Not JSON, or not a <c>block_actions</c> payload.</exception>
    public static BlockActionsPayload ReadBlockActions(string payloadJson) => Read(payloadJson) as BlockActionsPayload
        ?? throw new FormatException($"Expected a block_actions payload, got {ReadType(payloadJson)}.");

    /// <exception cref="FormatException">Not JSON, or not a <c>view_submission</c> payload.</exception>
    public static ViewSubmissionPayload ReadViewSubmission(string payloadJson) => Read(payloadJson) as ViewSubmissionPayload
        ?? throw new FormatException($"Expected a view_submission payload, got {ReadType(payloadJson)}.");

    /// <summary>Form body → <see cref="BlockActionsPayload"/>.</summary>
    public static BlockActionsPayload ReadBlockActionsForm(string formBody) => ReadBlockActions(ReadPayloadJson(formBody));

    // A type the coach does not act on is acknowledged whatever its shape (as it always was): when its
    // common fields are not the documented shape, only its type is kept.
    private static OtherInteractionPayload ReadOther(ReadOnlySpan<byte> utf8Json, string type)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, SlackJsonContext.Default.OtherInteractionPayload) ?? new() { Type = type };
        }
        catch (JsonException)
        {
            return new() { Type = type };
        }
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, string type, JsonTypeInfo<T> typeInfo)
        where T : InteractionPayload
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo) ?? throw new FormatException($"{type} payload is null");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{type} payload does not have the documented shape", ex);
        }
    }
}
