using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AsyncCoach.Benchmarks.LookAhead;

/// <summary>
/// The Web API for the look-ahead benchmark, in-process on loopback: every answer after a fixed
/// latency (Slack's own is of the order of 80 ms); each workspace, told apart by its token, lists
/// its own people (<c>users.list</c> by offset cursors); <c>chat.postEphemeral</c> arrivals are
/// kept with their channel and time.
/// </summary>
internal sealed class LookAheadSlack(WebApplication app, Uri apiBaseUrl) : IAsyncDisposable
{
    public Uri ApiBaseUrl { get; } = apiBaseUrl;

    public ConcurrentQueue<(string Channel, DateTimeOffset At)> Nudges { get; } = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public static async Task<LookAheadSlack> StartAsync(TimeSpan latency, IReadOnlyDictionary<string, IReadOnlyList<string>> listedByToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LookAheadSlack? slack = null;
        app.MapPost("/api/{method}", async (string method, HttpContext http) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var token = http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            slack!.Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
            if (method == "chat.postEphemeral")
            {
                var body = await JsonNode.ParseAsync(http.Request.Body);
                slack.Nudges.Enqueue(((string?)body?["channel"] ?? "", DateTimeOffset.UtcNow));
            }

            await Task.Delay(latency);
            var listed = listedByToken.GetValueOrDefault(token, []);
            return Results.Text(method switch
            {
                "auth.test" => """{"ok":true,"team_id":"T0CONFIG","user_id":"U0BOT"}""",
                "users.list" => Page(listed, form?["cursor"].ToString(), int.Parse(form?["limit"].ToString() ?? "200", CultureInfo.InvariantCulture)),
                "users.info" => $$$"""{"ok":true,"user":{"id":"{{{form?["user"]}}}","tz":"Europe/London"}}""",
                "conversations.members" => $$$"""{"ok":true,"members":["{{{form?["channel"].ToString().Replace('D', 'U')}}}","{{{(listed.Count > 0 ? listed[0] : "U0")}}}"],"response_metadata":{"next_cursor":""}}""",
                "chat.postEphemeral" => """{"ok":true,"message_ts":"1700000000.000100"}""",
                _ => """{"ok":true}""",
            }, "application/json; charset=utf-8");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        slack = new LookAheadSlack(app, new Uri(address.TrimEnd('/') + "/api/"));
        return slack;
    }

    private static string Page(IReadOnlyList<string> ids, string? cursor, int limit)
    {
        var from = int.TryParse(cursor, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var text = new StringBuilder("""{"ok":true,"members":[""");
        text.AppendJoin(',', ids.Skip(from).Take(limit).Select(id => $$"""{"id":"{{id}}","name":"{{id}}","tz":"Europe/London","tz_offset":0}"""));
        var next = from + limit < ids.Count ? (from + limit).ToString(CultureInfo.InvariantCulture) : "";
        text.Append(CultureInfo.InvariantCulture, $$$"""],"response_metadata":{"next_cursor":"{{{next}}}"}}""");
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
