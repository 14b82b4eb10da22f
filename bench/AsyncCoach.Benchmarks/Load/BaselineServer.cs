using System.Text.Json;
using System.Text.RegularExpressions;
using AsyncCoach.Slack.Signing;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// The reference point of the foundation issue: a bare ASP.NET Core endpoint that only verifies
/// the signature, parses the JSON and runs three regexes, with no storage. Measured with the same
/// load generator as AsyncCoach so CPU per request can be compared.
/// </summary>
public static partial class BaselineServer
{
    [GeneratedRegex(@"\b(hi|hey|hello)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(call|huddle|zoom)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Call();

    [GeneratedRegex(@"\b(asap|urgent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Urgent();

    public static async Task<int> RunAsync(string[] args)
    {
        var secret = args.SkipWhile(a => a != "--secret").Skip(1).FirstOrDefault() ?? "load-test-secret";
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var verifier = new SlackSignatureVerifier(secret, TimeProvider.System);
        app.MapPost("/slack/events", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var check = verifier.Verify(http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], body);
            if (check != SignatureCheck.Valid)
            {
                return Results.StatusCode(401);
            }

            using var document = JsonDocument.Parse(body);
            var text = document.RootElement.GetProperty("event").GetProperty("text").GetString() ?? "";
            var hits = (Greeting().IsMatch(text) ? 1 : 0) + (Call().IsMatch(text) ? 1 : 0) + (Urgent().IsMatch(text) ? 1 : 0);
            http.Items["hits"] = hits;
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }
}
