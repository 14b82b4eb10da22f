using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCoach.Slack.Events;

namespace AsyncCoach.Slack.Tests.Events;

/// <summary>Every Events API payload copied from the shared fixtures parses with our models.</summary>
public sealed class EventFixtureTests
{
    private static string Dir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "events");

    private static EventEnvelope Envelope(string name) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(Dir, name)), SlackEventsJsonContext.Default.EventEnvelope)!;

    public static IEnumerable<string> EnvelopeFixtures() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "events"), "*.json")
            .Select(Path.GetFileName)
            .Where(name => name != "zulip-export-thread_with_broadcast_reply.json")!;

    [TestCaseSource(nameof(EnvelopeFixtures))]
    public void Every_envelope_fixture_parses_with_a_type(string name)
    {
        Assert.That(Envelope(name).Type, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void A_plain_message_event_carries_its_routing_fields()
    {
        var envelope = Envelope("zulip-message_with_normal_text.json");

        Assert.That(envelope.Type, Is.EqualTo(EventEnvelope.EventCallback));
        Assert.That(envelope.TeamId, Is.EqualTo("T06NRA6HM3P"));
        Assert.That(envelope.EventId, Is.Not.Null.And.StartsWith("Ev"));
        Assert.That(envelope.Event!.Type, Is.EqualTo("message"));
        Assert.That(envelope.Event.Ts, Is.EqualTo("1719209506.817929"));
        Assert.That(envelope.Event.Text, Is.EqualTo("Hello, this is a normal text message"));
        Assert.That(envelope.Event.Channel, Does.StartWith("C"));
    }

    [Test]
    public void A_DM_event_has_channel_type_im()
    {
        Assert.That(Envelope("botbuilder-MessageBody-im.json").Event!.ChannelType, Is.EqualTo("im"));
    }

    [Test]
    public void A_bot_message_is_recognisable_as_one()
    {
        var message = Envelope("zulip-message_from_slack_integration_bot.json").Event!;

        Assert.That(message.Subtype, Is.EqualTo("bot_message"));
        Assert.That(message.BotId, Is.Not.Null);
    }

    [Test]
    public void Url_verification_carries_the_challenge()
    {
        var envelope = Envelope("zulip-challenge_handshake_payload.json");

        Assert.That(envelope.Type, Is.EqualTo(EventEnvelope.UrlVerification));
        Assert.That(envelope.Challenge, Is.Not.Empty);
    }

    [TestCase("member_joined_channel.json", "member_joined_channel")]
    [TestCase("message.json", "message")]
    [TestCase("team_join.json", "team_join")]
    [TestCase("user_change.json", "user_change")]
    [TestCase("user_huddle_changed.json", "user_huddle_changed")]
    public void Slack_reference_examples_parse_as_inner_events(string name, string? type)
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "slack-api-ref", name)))!["example"]!.ToJsonString();
        var wrapped = $$"""{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{{example}}}""";

        var parsed = JsonSerializer.Deserialize(wrapped, SlackEventsJsonContext.Default.EventEnvelope)!;

        Assert.That(parsed.Event!.Type, Is.EqualTo(type));
    }

    [Test]
    public void The_huddle_thread_message_parses_with_its_subtype()
    {
        var message = File.ReadAllText(Path.Combine(Dir, "docs", "docs-conversation-object-huddle_thread-message.json"));
        var wrapped = $$"""{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{{message}}}""";

        var parsed = JsonSerializer.Deserialize(wrapped, SlackEventsJsonContext.Default.EventEnvelope)!;

        Assert.That(parsed.Event!.Subtype, Is.EqualTo("huddle_thread"));
        Assert.That(parsed.Event.User, Is.EqualTo("USLACKBOT"));
    }

    [Test]
    public void An_export_style_thread_with_a_broadcast_reply_parses_as_messages()
    {
        var messages = JsonSerializer.Deserialize<List<JsonObject>>(File.ReadAllText(Path.Combine(Dir, "zulip-export-thread_with_broadcast_reply.json")))!;

        Assert.That(messages.Select(m => m["subtype"]?.GetValue<string>()), Does.Contain("thread_broadcast"));
    }
}
