using System.Net.Sockets;
using System.Text;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a prepared request and reads the status line
/// and a Content-Length body. Minimal on purpose: the load generator shares the server's cores,
/// so it must cost as little as possible.
/// </summary>
public sealed class HttpConnection(Uri url) : IAsyncDisposable
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _buffer = new byte[16 * 1024];

    /// <summary>The URL this connection talks to.</summary>
    public Uri Url => url;

    public Task ConnectAsync(CancellationToken cancellationToken) =>
        _socket.ConnectAsync(url.Host, url.Port, cancellationToken).AsTask();

    /// <summary>Sends the request and returns the response status code.</summary>
    public async Task<int> SendAsync(byte[] request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
        var filled = 0;
        while (true)
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException("server closed the connection");
            }

            filled += read;
            var headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                continue;
            }

            var headers = Encoding.ASCII.GetString(_buffer, 0, headerEnd);
            var status = int.Parse(headers.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
            var length = ContentLength(headers);
            var total = headerEnd + 4 + length;
            while (filled < total)
            {
                read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    throw new IOException("server closed the connection");
                }

                filled += read;
            }

            return status;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException("chunked responses are not expected from the Slack endpoints");
            }
        }

        return 0;
    }
}
