using System.Text.Json;
using AsyncCoach.Interactivity;

namespace AsyncCoach.Endpoints;

/// <summary><c>POST /slack/interactivity</c>: one form field, <c>payload</c>, holding the interaction as JSON.</summary>
public static class InteractivityEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IInteractionHandler handler)
    {
        var form = SlackForm.Parse(SlackBody.From(http).Bytes);
        if (form.Field("payload") is not { } payload)
        {
            return BadRequest("missing form field: payload");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            return BadRequest($"payload is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return BadRequest("payload has no type");
            }

            var outcome = await handler.HandleAsync(type.GetString()!, document.RootElement, http.RequestAborted);
            return outcome switch
            {
                { Error: { } error } => BadRequest(error),
                { Response: { } answer } => Results.Bytes(answer.Json, "application/json"),
                _ => Results.Ok(),
            };
        }
    }

    private static IResult BadRequest(string reason) => Results.Text(reason + "\n", statusCode: StatusCodes.Status400BadRequest);
}
