using AsyncCoach.Commands;
using AsyncCoach.Slack.Commands;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Endpoints;

/// <summary><c>POST /slack/commands</c>: a verified, form-encoded slash command, answered in the HTTP response (or, when slow, through its response_url).</summary>
public static class CommandsEndpoint
{
    private static readonly string[] Required = ["command", "team_id", "user_id", "channel_id"];

    public static async Task<IResult> HandleAsync(HttpContext http, CommandRunner runner)
    {
        var form = SlackForm.Parse(SlackBody.From(http).Bytes);
        var missing = Array.Find(Required, name => form.Field(name) is null);
        if (missing is not null)
        {
            return Results.Text($"missing form field: {missing}\n", statusCode: StatusCodes.Status400BadRequest);
        }

        var command = new SlashCommand(
            form.Field("team_id")!,
            form.Field("channel_id")!,
            form.Field("user_id")!,
            form.Field("command")!,
            form.Field("text") ?? "",
            form.Field("response_url"),
            form.Field("trigger_id"),
            form.Field("channel_name"),
            form.Field("enterprise_id"));
        var reply = await runner.RunAsync(command, http.RequestAborted);
        return Results.Json(reply.ToMessage(), SlackJsonContext.Default.ResponseUrlMessage);
    }
}
