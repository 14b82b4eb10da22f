using System.Text.Json.Nodes;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.Tests.Support;

namespace AsyncCoach.Slack.Tests.Interactivity;

/// <summary>
/// No real view_submission body is public (slack-platform.md §6), so the payload is read from the
/// java-slack-sdk skeleton (every field Slack has sent) with the state of Slack's own changelog
/// example (https://api.slack.com/changelog/2020-09-full-state-on-view-submisson-and-block-actions).
/// </summary>
public sealed class ViewSubmissionPayloadTests
{
    // The changelog's example state, verbatim: a multi-conversations select in a section and a text input.
    private const string ChangelogState = """
        {
        "values": {
        "section_block_id": {
        "multi_convos": {
        "type": "multi_conversations_select",
        "selected_conversations": ["G12345"]
        }
        },
        "input_block_id": {
        "plain_text_action_id": {
        "type": "plain_text_input",
        "value": "test123"
        }
        }
        }
        }
        """;

    private static string Skeleton() => Fixtures.Read("schema/java-slack-sdk/app-backend/ViewSubmissionPayload.json");

    private static string SkeletonWith(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(Skeleton())!.AsObject();
        change(json);
        return json.ToJsonString();
    }

    [Test]
    public void Every_field_of_the_schema_skeleton_is_tolerated()
    {
        var payload = InteractivityPayloadReader.ReadViewSubmission(Skeleton());

        Assert.That(payload.Type, Is.EqualTo("view_submission"));
        Assert.That(payload.View, Is.Not.Null);
        Assert.That(payload.View!.State, Is.Not.Null);
        Assert.That(payload.Value("any", "any"), Is.Null);
        Assert.That(payload.Enterprise, Is.Not.Null);
    }

    [Test]
    public void Input_values_are_found_by_block_and_action_id()
    {
        var json = SkeletonWith(p =>
        {
            p["view"]!["state"] = JsonNode.Parse(ChangelogState);
            p["view"]!["callback_id"] = "home:hours";
            p["user"]!["id"] = "U0AUTHOR1";
            p["team"]!["id"] = "T0001";
        });

        var payload = InteractivityPayloadReader.ReadViewSubmission(json);

        Assert.That(payload.View!.CallbackId, Is.EqualTo("home:hours"));
        Assert.That(payload.Value("input_block_id", "plain_text_action_id")?.Value, Is.EqualTo("test123"));
        Assert.That(payload.Value("section_block_id", "multi_convos")?.SelectedConversations, Is.EqualTo(new[] { "G12345" }));
        Assert.That(payload.Value("input_block_id", "no_such_action"), Is.Null);
        Assert.That(payload.Value("no_such_block", "plain_text_action_id"), Is.Null);
        Assert.That((payload.User?.Id, payload.TeamId), Is.EqualTo(("U0AUTHOR1", "T0001")));
    }

    [Test]
    public void An_org_install_without_a_team_falls_back_to_the_users_team()
    {
        var payload = InteractivityPayloadReader.ReadViewSubmission(SkeletonWith(p =>
        {
            p["team"] = null;
            p["user"]!["team_id"] = "T0USER";
        }));

        Assert.That(payload.TeamId, Is.EqualTo("T0USER"));
    }

    [TestCase("{not json", TestName = "A view_submission that is not JSON is refused")]
    [TestCase("""{"type":"block_actions","actions":[]}""", TestName = "A payload of another type is refused as a view_submission")]
    [TestCase("""{"type":"view_submission","view":{"state":{"values":[1,2]}}}""", TestName = "A state that is not keyed by block id is refused")]
    public void Malformed_payloads_are_refused(string json) =>
        Assert.Throws<FormatException>(() => InteractivityPayloadReader.ReadViewSubmission(json));
}
