using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>
/// Slash-command bodies derived from botbuilder's real form body
/// (Fixtures/commands/botbuilder-SlashCommandBody.txt): same fields and order, with the
/// <c>text</c> (and, when given, the ids and <c>response_url</c>) replaced.
/// </summary>
public static class CommandBodies
{
    public const string ContentType = "application/x-www-form-urlencoded";
    public const string Team = "teamId";
    public const string User = "testUserId";
    public const string Channel = "testChannelId";

    public static string Async(string text, string? user = null, string? team = null, string? channel = null, string? channelName = null, Uri? responseUrl = null)
    {
        var fixture = Payloads.Fixture("commands/botbuilder-SlashCommandBody.txt");
        var replacements = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["command"] = "/async",
            ["text"] = text,
            ["user_id"] = user,
            ["team_id"] = team,
            ["channel_id"] = channel,
            ["channel_name"] = channelName,
            ["response_url"] = responseUrl?.ToString(),
        };
        var body = new StringBuilder();
        foreach (var pair in fixture.Split('&'))
        {
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = replacements.GetValueOrDefault(name) is { } replaced
                ? Uri.EscapeDataString(replaced)
                : pair[(name.Length + 1)..];
            body.Append(body.Length == 0 ? "" : "&").Append(name).Append('=').Append(value);
        }

        // The fixture must still parse as the fields we replaced.
        var parsed = QueryHelpers.ParseQuery(body.ToString());
        Assert.That(parsed["text"].ToString(), Is.EqualTo(text));
        return body.ToString();
    }
}
