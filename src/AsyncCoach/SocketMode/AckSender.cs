using System.Net.WebSockets;
using System.Threading.Channels;

namespace AsyncCoach.SocketMode;

/// <summary>
/// Sends a connection's acks in the order they are ready, from one loop: a WebSocket takes one
/// send at a time, and a queue drained by one sender costs less than every envelope waiting on a
/// lock for its turn. <see cref="CompleteAsync"/> returns once everything queued was sent.
/// </summary>
public sealed partial class AckSender
{
    private readonly WebSocket _socket;
    private readonly int _number;
    private readonly ILogger _logger;
    private readonly Channel<(byte[] Ack, string EnvelopeId)> _queue =
        Channel.CreateUnbounded<(byte[] Ack, string EnvelopeId)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _sending;

    public AckSender(WebSocket socket, int number, ILogger logger)
    {
        _socket = socket;
        _number = number;
        _logger = logger;
        _sending = Task.Run(SendAllAsync, CancellationToken.None);
    }

    public void Enqueue(byte[] ack, string envelopeId)
    {
        if (!_queue.Writer.TryWrite((ack, envelopeId)))
        {
            // Closing already: Slack sends the envelope again, and the inbox processes an event_id once.
            Log.AckLost(_logger, _number, envelopeId, "closing");
        }
    }

    /// <summary>Sends what is queued, then stops.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _sending;
    }

    private async Task SendAllAsync()
    {
        await foreach (var (ack, envelopeId) in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await _socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // Handled, but Slack will not know: it sends the envelope again, and the inbox
                // processes an event_id once.
                Log.AckLost(_logger, _number, envelopeId, ex.GetType().Name);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2130, Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: the ack of envelope {EnvelopeId} could not be sent ({Reason}); Slack sends it again and the inbox skips the repeat")]
        public static partial void AckLost(ILogger logger, int number, string envelopeId, string reason);
    }
}
