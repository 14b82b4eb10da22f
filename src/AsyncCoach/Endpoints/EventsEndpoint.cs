using AsyncCoach.Acceptance;

namespace AsyncCoach.Endpoints;

/// <summary>
/// <c>POST /slack/events</c>: the HTTP adapter of <see cref="EventAcceptor"/>. A 200 means the
/// event is durable in the inbox; a 503 that it is not, so Slack retries.
/// </summary>
public static class EventsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, EventAcceptor acceptor)
    {
        var result = await acceptor.AcceptAsync(SlackBody.From(http).Bytes, http.RequestAborted);
        return result.Kind switch
        {
            EventAcceptanceKind.Accepted or EventAcceptanceKind.Ignored => Results.Ok(),
            EventAcceptanceKind.Challenge => Results.Text(result.Detail, "text/plain"),
            EventAcceptanceKind.Unavailable => Results.Text(result.Detail + "\n", statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Text(result.Detail + "\n", statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
