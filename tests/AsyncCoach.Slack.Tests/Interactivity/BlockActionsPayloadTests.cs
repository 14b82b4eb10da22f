using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.Tests.Support;

namespace AsyncCoach.Slack.Tests.Interactivity;

public sealed class BlockActionsPayloadTests
{
    [Test]
    public void A_select_in_a_DM_parses_from_the_form_body()
    {
        var payload = InteractivityPayloadReader.ReadBlockActionsForm(Fixtures.Read("interactivity/botbuilder-BlockActionsBody.txt"));

        Assert.That(payload.Type, Is.EqualTo("block_actions"));
        Assert.That(payload.User, Is.EqualTo(new InteractionUser { Id = "UCJ0BJ4MP", Username = "v-kydela", Name = "v-kydela", TeamId = "TCKT7TGQ6" }));
        Assert.That(payload.Team, Is.EqualTo(new InteractionTeam { Id = "TCKT7TGQ6", Domain = "v-kydela" }));
        Assert.That(payload.ApiAppId, Is.EqualTo("A01DWRNJZ4Z"));
        Assert.That(payload.Container, Is.EqualTo(new InteractionContainer
        {
            Type = "message",
            MessageTs = "1605816061.002000",
            ChannelId = "D01DX1HSCC9",
            IsEphemeral = false,
        }));
        Assert.That(payload.Channel, Is.EqualTo(new InteractionChannel { Id = "D01DX1HSCC9", Name = "directmessage" }));
        Assert.That(payload.TriggerId, Is.EqualTo("1521624136948.427925934822.72e921438437da266158b931be19bd77"));
        Assert.That(payload.ResponseUrl, Is.EqualTo("https://hooks.slack.com/actions/TCKT7TGQ6/1539303853136/tQCc59DCzdFDknk8D2BrOU32"));
        var action = payload.Actions.Single();
        Assert.That(action.Type, Is.EqualTo("static_select"));
        Assert.That(action.ActionId, Is.EqualTo("select-fruit"));
        Assert.That(action.BlockId, Is.EqualTo("EAEE"));
        Assert.That(action.Value, Is.Null);
        Assert.That(action.SelectedOption?.Value, Is.EqualTo("select-fruit|apple"));
        Assert.That(action.ActionTs, Is.EqualTo("1605820527.358327"));
    }

    [Test]
    public void A_button_click_parses_with_its_value()
    {
        var payload = InteractivityPayloadReader.ReadBlockActionsForm(Fixtures.Read("interactivity/botbuilder-BlockActionsBodyButton.txt"));

        Assert.That(payload.User?.Id, Is.EqualTo("U045VRZFT"));
        Assert.That(payload.User?.Username, Is.Null);
        Assert.That(payload.Team?.Domain, Is.EqualTo("watermelonsugar"));
        Assert.That(payload.Container?.ChannelId, Is.EqualTo("GV85DURL5"));
        Assert.That(payload.Channel?.Id, Is.EqualTo("C065W1189"));
        Assert.That(payload.ResponseUrl, Is.EqualTo("https://hooks.slack.com/actions/T47563693/6204672533/x7ZLaiVMoECAW50Gw1ZYAXEM"));
        Assert.That(payload.Actions.Single(), Is.EqualTo(new BlockAction
        {
            ActionId = "f8s",
            BlockId = "mdZhQ",
            Type = "button",
            Value = "click_me_123",
            ActionTs = "1584059959.813426",
        }));
    }

    // The skeleton has every field Slack has ever sent in a block_actions payload (placeholder values).
    [Test]
    public void Every_field_of_the_schema_skeleton_is_tolerated()
    {
        var payload = InteractivityPayloadReader.ReadBlockActions(Fixtures.Read("schema/java-slack-sdk/app-backend/BlockActionPayload.json"));

        Assert.That(payload.Actions, Is.Not.Empty);
        Assert.That(payload.Container, Is.Not.Null);
        Assert.That(payload.View, Is.Not.Null);
        Assert.That(payload.Enterprise, Is.Not.Null);
    }

    [Test]
    public void The_type_is_read_before_committing_to_a_shape()
    {
        var json = InteractivityPayloadReader.ReadPayloadJson(Fixtures.Read("interactivity/botbuilder-BlockActionsBody.txt"));

        Assert.That(InteractivityPayloadReader.ReadType(json), Is.EqualTo("block_actions"));
        Assert.That(InteractivityPayloadReader.ReadType("""{"type":"view_submission","view":{}}"""), Is.EqualTo("view_submission"));
    }

    [TestCase("token=abc", TestName = "A form without a payload field is refused")]
    [TestCase("payload=", TestName = "An empty payload is refused")]
    [TestCase("payload=%7Bnot%20json", TestName = "A payload that is not JSON is refused")]
    [TestCase("payload=%7B%22type%22%3A%22view_submission%22%7D", TestName = "A payload of another type is refused")]
    [TestCase("payload=%5B%5D", TestName = "A payload that is not an object is refused")]
    public void Malformed_bodies_are_refused(string body) =>
        Assert.Throws<FormatException>(() => InteractivityPayloadReader.ReadBlockActionsForm(body));
}
