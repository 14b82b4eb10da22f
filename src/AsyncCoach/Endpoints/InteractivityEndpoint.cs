using System.Text;
using AsyncCoach.Acceptance;

namespace AsyncCoach.Endpoints;

/// <summary>
/// <c>POST /slack/interactivity</c>: one form field, <c>payload</c>, holding the interaction as
/// JSON; the HTTP adapter of <see cref="InteractionAcceptor"/>. A response body, if the handler
/// gives one, is the answer's body; a payload that cannot be read is a 400 with the reason.
/// </summary>
public static class InteractivityEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, InteractionAcceptor acceptor)
    {
        var form = SlackForm.Parse(SlackBody.From(http).Bytes);
        if (form.Field("payload") is not { } payload)
        {
            return BadRequest("missing form field: payload");
        }

        var outcome = await acceptor.AcceptAsync(Encoding.UTF8.GetBytes(payload), http.RequestAborted);
        return outcome switch
        {
            { Error: { } error } => BadRequest(error),
            { Response: { } answer } => Results.Bytes(answer.Json, "application/json"),
            _ => Results.Ok(),
        };
    }

    private static IResult BadRequest(string reason) => Results.Text(reason + "\n", statusCode: StatusCodes.Status400BadRequest);
}
