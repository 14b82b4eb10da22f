using AsyncCoach.Acceptance;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Endpoints;

/// <summary><c>POST /slack/commands</c>: the HTTP adapter of <see cref="CommandAcceptor"/> for a verified, form-encoded slash command.</summary>
public static class CommandsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, CommandAcceptor acceptor)
    {
        var form = SlackForm.Parse(SlackBody.From(http).Bytes);
        var result = await acceptor.AcceptAsync(form.Field, http.RequestAborted);
        return result.Reply is { } reply
            ? Results.Json(reply.ToMessage(), SlackJsonContext.Default.ResponseUrlMessage)
            : Results.Text($"missing form field: {result.MissingField}\n", statusCode: StatusCodes.Status400BadRequest);
    }
}
