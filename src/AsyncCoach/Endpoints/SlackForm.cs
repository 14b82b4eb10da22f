using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AsyncCoach.Endpoints;

/// <summary>Parses a verified form-encoded Slack body (slash commands, interactivity).</summary>
public static class SlackForm
{
    public static Dictionary<string, StringValues> Parse(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    public static string? Field(this Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
}
