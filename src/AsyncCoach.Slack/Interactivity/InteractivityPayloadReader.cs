using System.Text.Json;
using AsyncCoach.Slack.WebApi;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncCoach.Slack.Interactivity;

/// <summary>
/// Reads interactivity requests: a form body with one field, <c>payload</c>, holding JSON.
/// Verify the signature on the raw body before calling this.
/// </summary>
public static class InteractivityPayloadReader
{
    /// <summary>The JSON in the form's <c>payload</c> field.</summary>
    /// <exception cref="FormatException">No <c>payload</c> field.</exception>
    public static string ReadPayloadJson(string formBody) =>
        QueryHelpers.ParseQuery(formBody).TryGetValue("payload", out var payload) && payload.Count == 1 && !string.IsNullOrEmpty(payload[0])
            ? payload[0] ?? ""
            : throw new FormatException("The interactivity body has no payload field.");

    /// <summary>The payload's <c>type</c>, e.g. <c>block_actions</c> or <c>view_submission</c>.</summary>
    /// <exception cref="FormatException">Not a JSON object with a string <c>type</c>.</exception>
    public static string ReadType(string payloadJson)
    {
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString() ?? ""
                : throw new FormatException("The interactivity payload has no type.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The interactivity payload is not JSON.", ex);
        }
    }

    /// <exception cref="FormatException">Not JSON, or not a <c>block_actions</c> payload.</exception>
    public static BlockActionsPayload ReadBlockActions(string payloadJson)
    {
        var type = ReadType(payloadJson);
        if (type != BlockActionsPayload.TypeName)
        {
            throw new FormatException($"Expected a block_actions payload, got {type}.");
        }

        try
        {
            return JsonSerializer.Deserialize(payloadJson, SlackJsonContext.Default.BlockActionsPayload)
                ?? throw new FormatException("The block_actions payload is null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The block_actions payload does not have the documented shape.", ex);
        }
    }

    /// <exception cref="FormatException">Not JSON, or not a <c>view_submission</c> payload.</exception>
    public static ViewSubmissionPayload ReadViewSubmission(string payloadJson)
    {
        var type = ReadType(payloadJson);
        if (type != ViewSubmissionPayload.TypeName)
        {
            throw new FormatException($"Expected a view_submission payload, got {type}.");
        }

        try
        {
            return JsonSerializer.Deserialize(payloadJson, SlackJsonContext.Default.ViewSubmissionPayload)
                ?? throw new FormatException("The view_submission payload is null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The view_submission payload does not have the documented shape.", ex);
        }
    }

    /// <summary>Form body → <see cref="BlockActionsPayload"/>.</summary>
    public static BlockActionsPayload ReadBlockActionsForm(string formBody) => ReadBlockActions(ReadPayloadJson(formBody));
}
