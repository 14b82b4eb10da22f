using System.Net.WebSockets;

namespace AsyncCoach.SocketMode;

/// <summary>
/// Reads whole WebSocket messages into one buffer that grows up to a limit; a longer message is
/// read to its end and reported as oversized, so the connection can go on.
/// </summary>
public sealed class WebSocketMessageReader(WebSocket socket, int maxBytes)
{
    private byte[] _buffer = new byte[Math.Min(16 * 1024, maxBytes)];

    /// <summary>The last message read (valid until the next read).</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    /// <summary>Reads the next message; <see cref="WebSocketMessageType.Close"/> when the other side closed.</summary>
    public async Task<(WebSocketMessageType Type, bool Oversized)> ReadAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        var oversized = false;
        while (true)
        {
            if (length == _buffer.Length && !oversized)
            {
                if (_buffer.Length >= maxBytes)
                {
                    oversized = true;
                }
                else
                {
                    var larger = new byte[Math.Min(_buffer.Length * 2, maxBytes)];
                    _buffer.AsSpan(0, length).CopyTo(larger);
                    _buffer = larger;
                }
            }

            // Past the limit the rest is read into the whole buffer and discarded.
            var result = await socket.ReceiveAsync(oversized ? _buffer.AsMemory() : _buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Length = 0;
                return (result.MessageType, false);
            }

            if (!oversized)
            {
                length += result.Count;
            }

            if (result.EndOfMessage)
            {
                Length = oversized ? 0 : length;
                return (result.MessageType, oversized);
            }
        }
    }
}
