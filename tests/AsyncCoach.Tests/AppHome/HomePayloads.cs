using System.Net;
using System.Text.Json.Nodes;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.AppHome;

/// <summary>
/// Home tab requests as Slack sends them, built on the copied fixtures: the java-slack-sdk
/// skeletons of app_home_opened and view_submission (every field Slack has sent, placeholder
/// values overwritten here) and the botbuilder block_actions body (a real capture's structure).
/// </summary>
public static class HomePayloads
{
    public const string TriggerId = "1521624136948.427925934822.72e921438437da266158b931be19bd77";

    public static string Opened(string eventId, string user, string team, string tab = "home")
    {
        var json = JsonNode.Parse(Payloads.Fixture("schema/java-slack-sdk/events/AppHomeOpenedPayload.json"))!.AsObject();
        json["type"] = "event_callback";
        json["team_id"] = team;
        json["event_id"] = eventId;
        json["event_time"] = 1773136800;
        json["authorizations"]![0]!["team_id"] = team;
        json["authorizations"]![0]!["user_id"] = "U0BOT00001";
        json["authorizations"]![0]!["is_bot"] = true;
        var inner = json["event"]!.AsObject();
        inner["user"] = user;
        inner["channel"] = "D0HOME0001";
        inner["tab"] = tab;
        inner["event_ts"] = "1773136800.000100";
        inner["view"]!["type"] = "home";
        return json.ToJsonString();
    }

    /// <summary>A click on the Home tab: a view container, a trigger_id, no response_url.</summary>
    public static string Click(string actionId, string user, string team, string? triggerId = TriggerId)
    {
        var form = Payloads.Fixture("interactivity/botbuilder-BlockActionsBodyButton.txt");
        var json = JsonNode.Parse(WebUtility.UrlDecode(form["payload=".Length..]))!.AsObject();
        json["user"]!["id"] = user;
        json["team"]!["id"] = team;
        json["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME0001" };
        json.Remove("response_url");
        json.Remove("channel");
        json.Remove("message");
        json["trigger_id"] = triggerId;
        var action = json["actions"]![0]!.AsObject();
        action["action_id"] = actionId;
        action["block_id"] = "nudge-actions";
        action.Remove("value");
        return "payload=" + WebUtility.UrlEncode(json.ToJsonString());
    }

    public static JsonObject Submission(string? hours, string? zone, string user, string team, string callbackId = "home:hours")
    {
        var json = JsonNode.Parse(Payloads.Fixture("schema/java-slack-sdk/app-backend/ViewSubmissionPayload.json"))!.AsObject();
        json["type"] = "view_submission";
        json["user"]!["id"] = user;
        json["user"]!["team_id"] = team;
        json["team"]!["id"] = team;
        json["view"]!["type"] = "modal";
        json["view"]!["callback_id"] = callbackId;
        json["view"]!["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["hours"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = hours } },
                ["zone"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = zone } },
            },
        };
        return json;
    }

    public static string Form(JsonObject payload) => "payload=" + WebUtility.UrlEncode(payload.ToJsonString());
}
