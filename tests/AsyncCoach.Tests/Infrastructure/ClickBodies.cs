using System.Net;
using System.Text.Json.Nodes;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>
/// <c>block_actions</c> payloads built on java-slack-sdk's skeleton
/// (Fixtures/schema/java-slack-sdk/app-backend/BlockActionPayload.json, every field it has seen),
/// with the clicked button, the person, the workspace and the response_url set. With
/// <c>orgWide</c>, shaped as Slack sends a click from a workspace of an org-wide install:
/// <c>team</c> null, <c>enterprise</c> set, <c>is_enterprise_install</c> true, the workspace in <c>user.team_id</c>.
/// </summary>
public static class ClickBodies
{
    public const string ContentType = "application/x-www-form-urlencoded";

    public static JsonObject Click(string actionId, string? value, string user, string team, Uri? responseUrl, string? orgWide = null)
    {
        var json = JsonNode.Parse(Payloads.Fixture("schema/java-slack-sdk/app-backend/BlockActionPayload.json"))!.AsObject();
        json["type"] = "block_actions";
        json["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = team };
        json["team"] = orgWide is null ? new JsonObject { ["id"] = team, ["domain"] = "test" } : null;
        json["enterprise"] = orgWide is null ? null : new JsonObject { ["id"] = orgWide, ["name"] = "Test Org" };
        json["is_enterprise_install"] = orgWide is not null;
        json["response_url"] = responseUrl?.ToString();
        var action = json["actions"]![0]!.DeepClone().AsObject();
        action["action_id"] = actionId;
        action["value"] = value;
        action["type"] = "button";
        json["actions"] = new JsonArray(action);
        return json;
    }

    /// <summary>The form body Slack posts to the interactivity URL.</summary>
    public static string Form(JsonObject payload) => "payload=" + WebUtility.UrlEncode(payload.ToJsonString());
}
