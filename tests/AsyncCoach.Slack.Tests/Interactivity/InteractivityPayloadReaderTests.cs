using System.Text;
using System.Text.Json.Nodes;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.Tests.Support;

namespace AsyncCoach.Slack.Tests.Interactivity;

public sealed class InteractivityPayloadReaderTests
{
    private static string EnvelopePayload(string fixture) =>
        JsonNode.Parse(Fixtures.Read(fixture))!["payload"]!.ToJsonString();

    [Test]
    public void A_button_click_is_read_as_block_actions()
    {
        var payload = InteractivityPayloadReader.Read(
            InteractivityPayloadReader.ReadPayloadJson(Fixtures.Read("interactivity/botbuilder-BlockActionsBodyButton.txt")));

        var actions = payload as BlockActionsPayload;
        Assert.That(actions, Is.Not.Null);
        Assert.That(actions!.Actions.Single().ActionId, Is.EqualTo("f8s"));
        Assert.That(actions.TeamId, Is.EqualTo(actions.Team!.Id));
    }

    [Test]
    public void A_block_actions_payload_without_actions_has_none_rather_than_null()
    {
        var payload = (BlockActionsPayload)InteractivityPayloadReader.Read("""{"type":"block_actions"}""");

        Assert.That(payload.Actions, Is.Empty);
    }

    [Test]
    public void A_modal_submission_is_read_as_view_submission()
    {
        var payload = InteractivityPayloadReader.Read(Fixtures.Read("schema/java-slack-sdk/app-backend/ViewSubmissionPayload.json"));

        Assert.That(payload, Is.TypeOf<ViewSubmissionPayload>());
        Assert.That(((ViewSubmissionPayload)payload).View, Is.Not.Null);
    }

    [Test]
    public void A_type_the_coach_does_not_model_keeps_its_type_and_who_sent_it()
    {
        var payload = InteractivityPayloadReader.Read(Encoding.UTF8.GetBytes(EnvelopePayload("socket-mode/docs-envelope-interactive-block_suggestion.json")));

        Assert.That(payload, Is.TypeOf<OtherInteractionPayload>());
        Assert.That(payload.Type, Is.EqualTo("block_suggestion"));
        Assert.That(payload.User?.Id, Is.EqualTo("U123ABC456"));
        Assert.That(payload.TeamId, Is.EqualTo("T123ABC456"));
        Assert.That(payload.EnterpriseId, Is.Null);
    }

    [Test]
    public void A_type_the_coach_does_not_model_is_read_whatever_its_shape()
    {
        var payload = InteractivityPayloadReader.Read("""{"user":"U1","type":"shortcut","team":[]}""");

        Assert.That(payload, Is.TypeOf<OtherInteractionPayload>());
        Assert.That(payload.Type, Is.EqualTo("shortcut"));
        Assert.That(payload.User, Is.Null);
    }

    [Test]
    public void An_org_wide_install_takes_the_workspace_from_the_user_and_the_org_from_the_enterprise()
    {
        var payload = InteractivityPayloadReader.Read(
            """{"type":"view_submission","is_enterprise_install":true,"team":null,"user":{"id":"U1","team_id":"T9"},"enterprise":{"id":"E1"},"view":{"id":"V1"}}""");

        Assert.That((payload.IsEnterpriseInstall, payload.TeamId, payload.EnterpriseId), Is.EqualTo((true, "T9", "E1")));
    }

    [Test]
    public void The_org_may_come_from_the_team()
    {
        var payload = InteractivityPayloadReader.Read("""{"type":"block_actions","team":{"id":"T1","enterprise_id":"E2"},"actions":[]}""");

        Assert.That((payload.TeamId, payload.EnterpriseId), Is.EqualTo(("T1", "E2")));
    }

    [TestCase("""{not json""", "payload is not valid JSON")]
    [TestCase("", "payload is not valid JSON")]
    [TestCase("""{"type":"block_actions"} {}""", "payload is not valid JSON")]
    [TestCase("""[1]""", "payload has no type")]
    [TestCase("""[1""", "payload is not valid JSON")]
    [TestCase("""{"user":{}}""", "payload has no type")]
    [TestCase("""{"type":5}""", "payload has no type")]
    [TestCase("""{"type":""}""", "payload has no type")]
    [TestCase("""{"type":"block_actions","actions":"secret words"}""", "block_actions payload does not have the documented shape")]
    [TestCase("""{"type":"view_submission","view":["secret words"]}""", "view_submission payload does not have the documented shape")]
    public void A_bad_payload_is_refused_with_a_reason_that_does_not_quote_it(string json, string reason)
    {
        var refusal = Assert.Throws<FormatException>(() => InteractivityPayloadReader.Read(json));

        Assert.That(refusal!.Message, Does.StartWith(reason).And.Not.Contain("secret"));
    }
}
