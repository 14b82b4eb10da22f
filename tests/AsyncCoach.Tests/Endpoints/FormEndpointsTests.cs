using System.Net;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Endpoints;

public sealed class FormEndpointsTests : ServiceTest
{
    private const string Form = "application/x-www-form-urlencoded";
    [TestCase("team_id=T1&user_id=U1&channel_id=C1&text=help", "missing form field: command")]
    [TestCase("command=%2Fasync&user_id=U1&channel_id=C1", "missing form field: team_id")]
    [TestCase("command=%2Fasync&team_id=T1&channel_id=C1", "missing form field: user_id")]
    [TestCase("", "missing form field: command")]
    public async Task A_command_missing_a_field_gets_400_naming_it(string body, string reason)
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/commands", body, Form));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
    }

    [Test]
    public async Task Interaction_types_AsyncCoach_does_not_use_are_acknowledged()
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/interactivity", "payload=%7B%22type%22%3A%22shortcut%22%7D", Form));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_command_as_JSON_gets_415()
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/commands", """{"command":"/async"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [TestCase("payload=%7B%22type%22%3A%22block_actions%22%7D", "has no actions")]
    [TestCase("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22nope%3Ax%22%7D%5D%7D", "unknown action_id: nope:x")]
    [TestCase("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%22value%22%3A%221%22%7D%5D%7D", "has no action_id")]
    [TestCase("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%22click%22%7D", "block_actions payload does not have the documented shape")]
    [TestCase("foo=bar", "missing form field: payload")]
    [TestCase("payload=%7Bnot+json", "payload is not valid JSON")]
    [TestCase("payload=%5B1%5D", "payload has no type")]
    [TestCase("payload=%7B%22user%22%3A%7B%7D%7D", "payload has no type")]
    public async Task A_bad_interaction_payload_gets_400_with_the_reason(string body, string reason)
    {
        using var response = await Client.SendAsync(Factory.SignedRequest("/slack/interactivity", body, Form));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
    }
}
