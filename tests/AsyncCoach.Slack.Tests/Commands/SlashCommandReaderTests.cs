using System.Text;
using System.Text.Json.Nodes;
using AsyncCoach.Slack.Commands;
using AsyncCoach.Slack.Tests.Support;

namespace AsyncCoach.Slack.Tests.Commands;

public sealed class SlashCommandReaderTests
{
    private static JsonObject EnvelopePayload() =>
        JsonNode.Parse(Fixtures.Read("socket-mode/docs-envelope-slash_commands.json"))!["payload"]!.AsObject();

    private static SlashCommand? Read(JsonObject payload, out string? missing) =>
        SlashCommandReader.ReadJson(Encoding.UTF8.GetBytes(payload.ToJsonString()), out missing);

    [Test]
    public void A_Socket_Mode_command_is_read_from_its_JSON_fields()
    {
        var command = Read(EnvelopePayload(), out var missing);

        Assert.That(missing, Is.Null);
        Assert.That(command, Is.EqualTo(new SlashCommand(
            "T123ABC456",
            "C123ABC456",
            "U123ABC456",
            "/randorilke",
            "",
            "https://rilke.slack.com/commands/T0SNL8S4S/37053613554/YMB2ZESDLNjNLqSFZ1quhNAh",
            "37053613634.26768298162.440952c06ef4de2653466a48fe495f93",
            "general",
            null)));
    }

    [TestCase(true)]
    [TestCase("true")]
    public void The_org_wide_flag_may_be_a_boolean_or_a_string(object flag)
    {
        var payload = EnvelopePayload();
        payload["is_enterprise_install"] = flag is bool b ? JsonValue.Create(b) : JsonValue.Create((string)flag);
        payload["enterprise_id"] = "E1";

        var command = Read(payload, out _);

        Assert.That((command?.IsEnterpriseInstall, command?.EnterpriseId), Is.EqualTo(((bool?)true, "E1")));
    }

    [TestCase("team_id")]
    [TestCase("command")]
    public void A_missing_or_empty_required_field_is_named(string field)
    {
        var payload = EnvelopePayload();
        payload[field] = field == "command" ? "" : null;

        Assert.That((Read(payload, out var missing), missing), Is.EqualTo(((SlashCommand?)null, field)));
    }

    [TestCase("[]")]
    [TestCase("{\"command\":\"/async\"")]
    public void A_payload_that_is_not_a_JSON_object_is_refused(string json) =>
        Assert.Throws<FormatException>(() => SlashCommandReader.ReadJson(Encoding.UTF8.GetBytes(json), out _));
}
