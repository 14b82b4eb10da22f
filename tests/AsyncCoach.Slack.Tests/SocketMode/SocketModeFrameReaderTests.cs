using System.Text;
using AsyncCoach.Slack.SocketMode;

namespace AsyncCoach.Slack.Tests.SocketMode;

/// <summary>Socket Mode frames as the docs show them (slack-platform.md §8), and the ack written back.</summary>
public sealed class SocketModeFrameReaderTests
{
    private static SocketModeFrame Read(string json) => SocketModeFrameReader.Read(Encoding.UTF8.GetBytes(json));

    [Test]
    public void An_envelope_keeps_its_payload_bytes_exactly()
    {
        const string payload = """{"type":"event_callback","team_id":"T1","event":{"type":"message","text":"héllo \u00e9"}}""";
        var frame = Read($$"""{"envelope_id":"e-1","payload":{{payload}},"type":"events_api","accepts_response_payload":false,"retry_attempt":2,"retry_reason":"timeout"}""");

        Assert.That(frame.Type, Is.EqualTo(SocketModeFrame.EventsApi));
        Assert.That(frame.EnvelopeId, Is.EqualTo("e-1"));
        Assert.That(frame.IsEnvelope, Is.True);
        Assert.That(frame.RetryAttempt, Is.EqualTo(2));
        Assert.That(frame.RetryReason, Is.EqualTo("timeout"));
        Assert.That(Encoding.UTF8.GetString(frame.Payload!), Is.EqualTo(payload));
    }

    [Test]
    public void Hello_and_disconnect_are_read_with_their_details()
    {
        var hello = Read("""{"type":"hello","num_connections":3,"debug_info":{"host":"h","approximate_connection_time":3600},"connection_info":{"app_id":"A1"}}""");
        var disconnect = Read("""{"type":"disconnect","reason":"link_disabled","debug_info":{"host":"wss-111.slack.com"}}""");

        Assert.That((hello.Type, hello.NumConnections, hello.ApproximateConnectionTime, hello.IsEnvelope), Is.EqualTo(("hello", 3, 3600, false)));
        Assert.That((disconnect.Type, disconnect.Reason), Is.EqualTo(("disconnect", DisconnectReason.LinkDisabled)));
    }

    [TestCase("", "not valid JSON")]
    [TestCase("[1]", "not a JSON object")]
    [TestCase("""{"envelope_id":"e"}""", "no type")]
    [TestCase("""{"type":5}""", "wrong type")]
    [TestCase("""{"type":"hello"} {}""", "not valid JSON")]
    [TestCase("""{"type":"events_api","payload":{"text":"secret""", "not valid JSON")]
    public void A_frame_that_cannot_be_read_is_refused_without_quoting_it(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Read(json))!;

        Assert.That(error.Message, Does.Contain(reason));
        Assert.That(error.Message, Does.Not.Contain("secret"));
    }

    [Test]
    public void An_ack_is_the_envelope_id_with_the_payload_when_there_is_one()
    {
        Assert.That(Encoding.UTF8.GetString(SocketModeAck.Write("e-1")), Is.EqualTo("""{"envelope_id":"e-1"}"""));
        Assert.That(Encoding.UTF8.GetString(SocketModeAck.Write("e-2", """{"text":"hi"}"""u8.ToArray())),
            Is.EqualTo("""{"envelope_id":"e-2","payload":{"text":"hi"}}"""));
    }
}
