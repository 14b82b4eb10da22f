using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// A minimal Slack Web API for the nudge loop under load: answers every method with
/// <c>ok:true</c> at once (people in an always-daytime zone, channels of two) and records when
/// each <c>chat.postEphemeral</c> arrived, keyed by the nudge id in its first <c>block_id</c>
/// (<c>nudge-{id}-…</c>). <c>GET /arrivals</c> returns <c>id,unix_micros</c> lines.
/// <c>oauth.v2.access</c> installs the team named by its <c>code</c> (token <c>xoxb-fake-{code}</c>),
/// so the load script can install every load workspace and all of them send for real.
/// </summary>
public static class FakeSlackServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var arrivals = new ConcurrentQueue<(long Id, long Micros)>();

        app.MapPost("/api/{method}", async (string method, HttpContext http) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            if (method == "chat.postEphemeral" && NudgeId(buffer.ToArray()) is { } id)
            {
                arrivals.Enqueue((id, (arrived - DateTimeOffset.UnixEpoch).Ticks / 10));
            }

            if (method == "oauth.v2.access")
            {
                // The install flow of nudge-loop.sh: the code is the team id, the token is made from it.
                var team = FormValue(buffer.ToArray(), "code") ?? "T0LOAD";
                return Results.Text(
                    $$$"""{"ok":true,"access_token":"xoxb-fake-{{{team}}}","token_type":"bot","scope":"chat:write","bot_user_id":"U0BOT","app_id":"A0LOAD","team":{"id":"{{{team}}}","name":"{{{team}}}"},"is_enterprise_install":false,"authed_user":{"id":"U0INSTALL"}}""",
                    "application/json; charset=utf-8");
            }

            var user = http.Request.HasFormContentType ? http.Request.Form["user"].ToString() : "U0";
            return Results.Text(method switch
            {
                "users.info" => $$$"""{"ok":true,"user":{"id":"{{{user}}}","tz":"Pacific/Kiritimati","tz_offset":50400}}""",
                "conversations.members" => """{"ok":true,"members":[],"response_metadata":{"next_cursor":""}}""",
                "conversations.info" => """{"ok":true,"channel":{"id":"C0","is_channel":true,"num_members":2}}""",
                "auth.test" => """{"ok":true,"team_id":"T0LOAD","user_id":"U0BOT"}""",
                "chat.postEphemeral" => """{"ok":true,"message_ts":"1700000000.000100"}""",
                _ => """{"ok":true}""",
            }, "application/json; charset=utf-8");
        });
        app.MapGet("/arrivals", () =>
        {
            var text = new StringBuilder();
            foreach (var (id, micros) in arrivals)
            {
                text.Append(CultureInfo.InvariantCulture, $"{id},{micros}\n");
            }

            return Results.Text(text.ToString());
        });
        await app.RunAsync();
        return 0;
    }

    private static string? FormValue(byte[] body, string key)
    {
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == key)
            {
                return Uri.UnescapeDataString(parts[1].Replace('+', ' '));
            }
        }

        return null;
    }

    private static long? NudgeId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var blockId = document.RootElement.GetProperty("blocks")[0].GetProperty("block_id").GetString() ?? "";
            var parts = blockId.Split('-', 3);
            return parts.Length == 3 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
