using System.Buffers;
using System.Text.Json;

namespace AsyncCoach.Slack.SocketMode;

/// <summary>
/// The acknowledgement of an envelope: <c>{"envelope_id":"…"}</c>, with <c>"payload":{…}</c> when
/// the envelope accepts one; the payload is what the HTTP answer's body would have been.
/// </summary>
public static class SocketModeAck
{
    /// <param name="envelopeId">The envelope's <c>envelope_id</c>.</param>
    /// <param name="payload">A JSON object (UTF-8), or empty for a plain ack.</param>
    public static byte[] Write(string envelopeId, ReadOnlyMemory<byte> payload = default)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + envelopeId.Length + payload.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id"u8, envelopeId);
            if (!payload.IsEmpty)
            {
                writer.WritePropertyName("payload"u8);
                writer.WriteRawValue(payload.Span, skipInputValidation: false);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
