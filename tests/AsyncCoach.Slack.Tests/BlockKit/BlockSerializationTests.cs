using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Slack.Tests.BlockKit;

public sealed class BlockSerializationTests
{
    [Test]
    public void Every_block_type_serialises_to_Slacks_json()
    {
        Block[] blocks =
        [
            new HeaderBlock("Async tip"),
            SectionBlock.Markdown("*Say what you need*", blockId: "tip") with
            {
                Accessory = new ButtonElement("Snooze", "snooze", "1d"),
            },
            new SectionBlock { Fields = [new MarkdownText("*Rule*"), new PlainText("bare hello") { Emoji = true }] },
            new ContextBlock([new MarkdownText("Why: saves a round trip") { Verbatim = true }]),
            new DividerBlock(),
            new ActionsBlock(
            [
                new ButtonElement("Helpful", "feedback.helpful", "yes") { Style = ButtonStyle.Primary },
                new ButtonElement("Not now", "feedback.no", "no") { Style = ButtonStyle.Danger },
                new ButtonElement("Read more", "docs") { Url = "https://example.com/async" },
            ]) { BlockId = "feedback" },
        ];

        var json = JsonSerializer.Serialize<IReadOnlyList<Block>>(blocks, SlackJsonContext.Default.IReadOnlyListBlock);

        const string expected = """
            [
              {"type":"header","text":{"type":"plain_text","text":"Async tip"}},
              {"type":"section","block_id":"tip","text":{"type":"mrkdwn","text":"*Say what you need*"},
               "accessory":{"type":"button","action_id":"snooze","text":{"type":"plain_text","text":"Snooze"},"value":"1d"}},
              {"type":"section","fields":[{"type":"mrkdwn","text":"*Rule*"},{"type":"plain_text","text":"bare hello","emoji":true}]},
              {"type":"context","elements":[{"type":"mrkdwn","text":"Why: saves a round trip","verbatim":true}]},
              {"type":"divider"},
              {"type":"actions","block_id":"feedback","elements":[
                {"type":"button","action_id":"feedback.helpful","text":{"type":"plain_text","text":"Helpful"},"value":"yes","style":"primary"},
                {"type":"button","action_id":"feedback.no","text":{"type":"plain_text","text":"Not now"},"value":"no","style":"danger"},
                {"type":"button","action_id":"docs","text":{"type":"plain_text","text":"Read more"},"url":"https://example.com/async"}]}
            ]
            """;
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(expected)), Is.True, json);
    }

    [Test]
    public void The_type_discriminator_is_written_first()
    {
        var json = JsonSerializer.Serialize<IReadOnlyList<Block>>([new DividerBlock { BlockId = "d1" }], SlackJsonContext.Default.IReadOnlyListBlock);

        Assert.That(json, Is.EqualTo("""[{"type":"divider","block_id":"d1"}]"""));
    }

    [Test]
    public void A_message_becomes_each_kind_of_request_with_its_fallback_text()
    {
        var message = new SlackMessage("Tip: add context", [SectionBlock.Markdown("*Tip*: add context")]);

        var ephemeral = message.ToPostEphemeral("C1", "U1", threadTs: "1.000001");
        var post = message.ToPostMessage("C1");
        var scheduled = message.ToScheduledMessage("C1", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var response = message.ToResponseUrl(replaceOriginal: true);

        Assert.That(ephemeral, Is.EqualTo(new PostEphemeralRequest("C1", "U1", "Tip: add context", message.Blocks, "1.000001")));
        Assert.That(post, Is.EqualTo(new PostMessageRequest("C1", "Tip: add context", message.Blocks)));
        Assert.That(scheduled.PostAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
        Assert.That(scheduled.Blocks, Is.SameAs(message.Blocks));
        Assert.That(JsonSerializer.Serialize(response, SlackJsonContext.Default.ResponseUrlMessage), Is.EqualTo(
            """{"text":"Tip: add context","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Tip*: add context"}}],"response_type":"ephemeral","replace_original":true}"""));
    }

    [Test]
    public void A_text_only_message_sends_no_blocks_field()
    {
        var json = JsonSerializer.Serialize(new SlackMessage("plain").ToPostMessage("C1"), SlackJsonContext.Default.PostMessageRequest);

        Assert.That(json, Is.EqualTo("""{"channel":"C1","text":"plain"}"""));
    }

    // The outbox stores requests as JSON and sends them later: what is read back must write the same.
    [Test]
    public void A_request_with_blocks_round_trips_through_json()
    {
        var request = new SlackMessage("Tip", [
            new HeaderBlock("Tip"),
            SectionBlock.Markdown("body") with { Accessory = new ButtonElement("Snooze", "snooze", "1d") { Style = ButtonStyle.Danger } },
            new ActionsBlock([new ButtonElement("Helpful", "helpful", "yes")]) { BlockId = "fb" },
        ]).ToPostEphemeral("C1", "U1", "1.000001");
        var json = JsonSerializer.Serialize(request, SlackJsonContext.Default.PostEphemeralRequest);

        var read = JsonSerializer.Deserialize(json, SlackJsonContext.Default.PostEphemeralRequest);

        Assert.That(read?.Blocks?[1], Is.EqualTo(request.Blocks?[1]));
        Assert.That(JsonSerializer.Serialize(read, SlackJsonContext.Default.PostEphemeralRequest), Is.EqualTo(json));
    }
}
