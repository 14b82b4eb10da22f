using System.Text.Json;

namespace AsyncCoach.Slack.SocketMode;

/// <summary>
/// Reads a Socket Mode frame with one forward pass over its bytes: the top-level fields are read,
/// and the <c>payload</c> object is copied out as it is (not parsed: its consumer parses it).
/// </summary>
public static class SocketModeFrameReader
{
    /// <exception cref="FormatException">Not JSON, not an object, or no string <c>type</c>. The message never quotes the frame.</exception>
    public static SocketModeFrame Read(ReadOnlySpan<byte> frame)
    {
        try
        {
            return ReadObject(frame);
        }
        catch (JsonException ex)
        {
            // Positions only: the parser's own message may quote a character of the frame.
            throw new FormatException($"The frame is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException($"A field of the frame has the wrong type: {ex.Message}", ex);
        }
    }

    private static SocketModeFrame ReadObject(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("The frame is not a JSON object.");
        }

        string? type = null, envelopeId = null, retryReason = null, reason = null;
        bool accepts = false;
        int? retryAttempt = null, connections = null, connectionTime = null;
        byte[]? payload = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                payload = reader.TokenType == JsonTokenType.EndObject ? frame[start..(int)reader.BytesConsumed].ToArray() : null;
                continue;
            }

            if (reader.ValueTextEquals("debug_info"u8))
            {
                reader.Read();
                connectionTime = ReadConnectionTime(ref reader);
                continue;
            }

            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type": type = reader.GetString(); break;
                case "envelope_id": envelopeId = reader.GetString(); break;
                case "accepts_response_payload": accepts = reader.GetBoolean(); break;
                case "retry_attempt": retryAttempt = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : null; break;
                case "retry_reason": retryReason = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case "reason": reason = reader.GetString(); break;
                case "num_connections": connections = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }

        // Anything after the object is an error too.
        while (reader.Read())
        {
        }

        if (string.IsNullOrEmpty(type))
        {
            throw new FormatException("The frame has no type.");
        }

        return new SocketModeFrame(type)
        {
            EnvelopeId = string.IsNullOrEmpty(envelopeId) ? null : envelopeId,
            AcceptsResponsePayload = accepts,
            RetryAttempt = retryAttempt,
            RetryReason = retryReason,
            Reason = reason,
            NumConnections = connections,
            ApproximateConnectionTime = connectionTime,
            Payload = payload,
        };
    }

    private static int? ReadConnectionTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        int? seconds = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTime = reader.ValueTextEquals("approximate_connection_time"u8);
            reader.Read();
            if (isTime && reader.TokenType == JsonTokenType.Number)
            {
                seconds = reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return seconds;
    }
}
