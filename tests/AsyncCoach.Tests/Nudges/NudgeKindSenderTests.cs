using System.Text.Json;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Nudges;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Moq;

namespace AsyncCoach.Tests.Nudges;

/// <summary>
/// A nudge handed over by the inbox round carries the words it composed, and the sender uses
/// them instead of parsing the stored JSON again; a row read from the database is parsed as before.
/// </summary>
public sealed class NudgeKindSenderTests
{
    private static readonly NudgeContent Words = new(
        "A quick async tip", [new NudgeParagraph("vague-urgency", "*asap* doesn't say by when.")], "Vague urgency makes everyone drop what they are doing.");

    private static OutboxRow Row(string? contentJson) =>
        new(42, "T1", "C1", "1700000000.000100", null, "U1", nameof(NudgeDelivery.Ephemeral), contentJson, IOutboxStore.Sending, 0,
            DateTimeOffset.MaxValue, IOutboxStore.NudgeKind);

    private static async Task<PostEphemeralRequest> SendAsync(OutboxRow row)
    {
        PostEphemeralRequest? sent = null;
        var slack = new Mock<ISlackWebApi>(MockBehavior.Strict);
        slack.Setup(s => s.PostEphemeralAsync(It.IsAny<PostEphemeralRequest>(), It.IsAny<CancellationToken>()))
            .Callback<PostEphemeralRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(new PostEphemeralResponse { Ok = true });
        await new NudgeKindSender().SendAsync(row, slack.Object, CancellationToken.None);
        return sent ?? throw new AssertionException("no chat.postEphemeral");
    }

    [Test]
    public async Task Sends_the_words_a_handed_over_row_carries_without_parsing_its_json()
    {
        // Stored JSON that cannot be parsed: the send only succeeds if it is not read.
        var sent = await SendAsync(Row("not json") with { Payload = Words });

        Assert.That(sent.Text, Is.EqualTo(Words.Text));
        Assert.That(sent.Channel, Is.EqualTo("C1"));
        Assert.That(sent.User, Is.EqualTo("U1"));
        Assert.That(sent.Blocks, Has.Count.EqualTo(3), "one section, the why line, the buttons");
    }

    [Test]
    public async Task Sends_the_same_message_from_the_stored_json_of_a_row_read_from_the_database()
    {
        var fromJson = await SendAsync(Row(JsonSerializer.Serialize(Words, NudgeJsonContext.Default.NudgeContent)));
        var handedOver = await SendAsync(Row("not json") with { Payload = Words });

        Assert.That(
            JsonSerializer.Serialize(fromJson, SlackJsonContext.Default.PostEphemeralRequest),
            Is.EqualTo(JsonSerializer.Serialize(handedOver, SlackJsonContext.Default.PostEphemeralRequest)));
    }

    [Test]
    public void A_row_read_from_the_database_with_unreadable_json_still_fails_as_before()
    {
        Assert.ThrowsAsync(Is.InstanceOf<JsonException>(), () => SendAsync(Row("not json")));
    }

    [Test]
    public void The_send_scope_names_the_row_as_the_dictionary_it_replaces_did()
    {
        var scope = new OutboxSendScope(Row("{}"));

        Assert.That(scope.ToDictionary(p => p.Key, p => p.Value), Is.EqualTo(new Dictionary<string, object?>
        {
            ["team_id"] = "T1", ["channel_id"] = "C1", ["outbox_id"] = 42L, ["kind"] = IOutboxStore.NudgeKind,
        }));
        Assert.That(scope.ToString(), Is.EqualTo("team_id:T1 channel_id:C1 outbox_id:42 kind:nudge"));
    }
}
