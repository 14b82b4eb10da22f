using System.Globalization;
using System.Text.Json.Nodes;
using AsyncCoach.Tests.Fakes;

namespace AsyncCoach.Tests.Workspace;

/// <summary>Answers of the fake Slack for a workspace's people: <c>users.list</c> pages by cursor, one <c>users.info</c> user, members.</summary>
public static class SlackPeople
{
    public static JsonObject User(string id, string? tz = "Europe/London", bool isBot = false) =>
        new() { ["id"] = id, ["name"] = id.ToLowerInvariant(), ["tz"] = tz, ["tz_offset"] = 0, ["is_bot"] = isBot, ["profile"] = new JsonObject { ["display_name"] = id } };

    /// <summary>The page of <paramref name="ids"/> that a <c>users.list</c> call's cursor (an offset here) and limit ask for.</summary>
    public static FakeResponse ListPage(IReadOnlyList<string> ids, RecordedCall call, string? tz = "Europe/London")
    {
        var from = int.TryParse(call.Arg("cursor"), CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var limit = int.Parse(call.Arg("limit") ?? "200", CultureInfo.InvariantCulture);
        var page = new JsonArray([.. ids.Skip(from).Take(limit).Select(id => (JsonNode)User(id, tz))]);
        var next = from + limit < ids.Count ? (from + limit).ToString(CultureInfo.InvariantCulture) : "";
        return FakeResponse.Ok(new JsonObject { ["members"] = page, ["response_metadata"] = new JsonObject { ["next_cursor"] = next } });
    }

    public static FakeResponse Info(RecordedCall call, string? tz = "Europe/London") =>
        FakeResponse.Ok(new JsonObject { ["user"] = User(call.Arg("user") ?? "U0", tz) });

    public static FakeResponse Members(params string[] ids) =>
        FakeResponse.Ok(new JsonObject { ["members"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } });
}
