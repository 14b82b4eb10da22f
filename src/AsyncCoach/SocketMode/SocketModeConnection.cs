using System.Net.WebSockets;
using AsyncCoach.Slack.SocketMode;

namespace AsyncCoach.SocketMode;

/// <summary>
/// One WebSocket to Slack. Reads frames one after another; each envelope is handled on its own
/// (so a slow slash command does not hold events back) and acknowledged when its handler says it
/// may be. <see cref="Ended"/> tells the supervisor when to replace it; it keeps serving until it is
/// closed (by Slack, or by <see cref="CloseAsync"/> once its replacement is open).
/// </summary>
public sealed partial class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SocketEnvelopeHandler _handler;
    private readonly SocketModeStatus _status;
    private readonly SocketModeOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly WebSocketMessageReader _reader;
    private readonly AckSender _acks;
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private Task _receiving = Task.CompletedTask;
    private int _opened;
    private int _envelopes;
    private TaskCompletionSource? _acked;
    private bool _closing;

    public SocketModeConnection(
        ClientWebSocket socket,
        int number,
        SocketEnvelopeHandler handler,
        SocketModeStatus status,
        SocketModeOptions options,
        TimeProvider time,
        ILogger logger,
        CancellationToken stopping)
    {
        _socket = socket;
        _time = time;
        Number = number;
        _handler = handler;
        _status = status;
        _options = options;
        _logger = logger;
        _stopping = stopping;
        _reader = new WebSocketMessageReader(socket, options.MaxFrameBytes);
        _acks = new AckSender(socket, number, logger);
    }

    /// <summary>This process's count of connections, for the log.</summary>
    public int Number { get; }

    /// <summary>Completes at Slack's <c>hello</c>, or when the connection ends before it.</summary>
    public Task Hello => _hello.Task;

    public bool SaidHello => Volatile.Read(ref _opened) == 1;

    /// <summary>Completes once, with the first reason to replace this connection.</summary>
    public Task<ConnectionEnd> Ended => _ended.Task;

    public void Start() => _receiving = Task.Run(ReceiveAsync, CancellationToken.None);

    /// <summary>
    /// Closes gracefully: envelopes already being handled are acknowledged first; any that arrive
    /// after that are left unacknowledged, so Slack sends them again (to the other connection).
    /// </summary>
    public async Task CloseAsync()
    {
        Task acked;
        lock (_gate)
        {
            _closing = true;
            acked = _envelopes == 0 ? Task.CompletedTask : (_acked ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        End(ConnectionEnd.Dropped);
        await acked;
        await _acks.CompleteAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(_options.HelloTimeout, _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token);
                await _receiving.WaitAsync(_options.HelloTimeout, _time);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // Closing anyway: the abort below ends it.
        }

        _socket.Abort();
        await _receiving;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving;
        await _acks.CompleteAsync();
        _socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (true)
            {
                var (type, oversized) = await _reader.ReadAsync(CancellationToken.None);
                if (type == WebSocketMessageType.Close)
                {
                    Log.ClosedBySlack(_logger, Number, _socket.CloseStatus?.ToString() ?? "none");
                    break;
                }

                if (oversized)
                {
                    Log.Oversized(_logger, Number, _options.MaxFrameBytes);
                    continue;
                }

                if (type != WebSocketMessageType.Text)
                {
                    Log.BinaryFrame(_logger, Number, _reader.Length);
                    continue;
                }

                OnFrame(_reader.Message);
            }
        }
        catch (Exception ex)
        {
            // Whatever ended the loop, the connection is over: the supervisor replaces it.
            if (!Volatile.Read(ref _closing))
            {
                Log.Dropped(_logger, Number, ex.GetType().Name, ex is WebSocketException ws ? ws.WebSocketErrorCode.ToString() : "");
            }
        }
        finally
        {
            if (Interlocked.Exchange(ref _opened, 2) == 1)
            {
                _status.Closed();
            }

            End(ConnectionEnd.Dropped);
            _hello.TrySetResult();
        }
    }

    private void OnFrame(ReadOnlySpan<byte> bytes)
    {
        SocketModeFrame frame;
        try
        {
            frame = SocketModeFrameReader.Read(bytes);
        }
        catch (FormatException ex)
        {
            Log.Malformed(_logger, Number, bytes.Length, ex.Message);
            return;
        }

        switch (frame.Type)
        {
            case SocketModeFrame.Hello:
                if (Interlocked.CompareExchange(ref _opened, 1, 0) == 0)
                {
                    _status.Opened();
                }

                Log.Hello(_logger, Number, frame.NumConnections ?? 0, frame.ApproximateConnectionTime ?? 0);
                _hello.TrySetResult();
                break;

            case SocketModeFrame.Disconnect:
                Log.Disconnect(_logger, Number, frame.Reason ?? "none");
                End(frame.Reason == DisconnectReason.LinkDisabled ? ConnectionEnd.LinkDisabled : ConnectionEnd.Refresh);
                break;

            case var type when frame.IsEnvelope:
                bool closing;
                lock (_gate)
                {
                    closing = _closing;
                    _envelopes += closing ? 0 : 1;
                }

                if (closing)
                {
                    // Not acknowledged: Slack sends it again, to the connection that replaces this one.
                    Log.LeftForRedelivery(_logger, Number, type, frame.EnvelopeId!);
                    break;
                }

                _ = HandleAsync(frame);
                break;

            default:
                Log.UnknownFrame(_logger, Number, frame.Type);
                break;
        }
    }

    private async Task HandleAsync(SocketModeFrame envelope)
    {
        try
        {
            var ack = await _handler.HandleAsync(envelope, _stopping);
            if (ack is not null)
            {
                _acks.Enqueue(ack, envelope.EnvelopeId!);
            }
        }
        catch (Exception ex)
        {
            // Not acknowledged: Slack sends it again.
            Log.HandlerFailed(_logger, envelope.EnvelopeId!, envelope.Type, ex);
        }
        finally
        {
            lock (_gate)
            {
                if (--_envelopes == 0)
                {
                    _acked?.TrySetResult();
                }
            }
        }
    }

    private void End(ConnectionEnd reason)
    {
        if (reason == ConnectionEnd.LinkDisabled)
        {
            _status.LinkDisabled();
        }

        _ended.TrySetResult(reason);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Socket Mode connection {Number} is open (Slack counts {Connections} connections for the app, approximate life {Seconds} s)")]
        public static partial void Hello(ILogger logger, int number, int connections, int seconds);

        [LoggerMessage(EventId = 2121, Level = LogLevel.Information, Message = "Socket Mode connection {Number}: Slack asks to disconnect ({Reason})")]
        public static partial void Disconnect(ILogger logger, int number, string reason);

        [LoggerMessage(EventId = 2122, Level = LogLevel.Information, Message = "Socket Mode connection {Number} was closed by Slack (status {Status})")]
        public static partial void ClosedBySlack(ILogger logger, int number, string status);

        [LoggerMessage(EventId = 2123, Level = LogLevel.Warning, Message = "Socket Mode connection {Number} dropped ({Exception} {Code})")]
        public static partial void Dropped(ILogger logger, int number, string exception, string code);

        [LoggerMessage(EventId = 2124, Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: a frame of {Length} bytes is not one AsyncCoach can read ({Reason}); skipped, the connection kept")]
        public static partial void Malformed(ILogger logger, int number, int length, string reason);

        [LoggerMessage(EventId = 2125, Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: a frame larger than {Limit} bytes was skipped, the connection kept")]
        public static partial void Oversized(ILogger logger, int number, int limit);

        [LoggerMessage(EventId = 2126, Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: a binary frame of {Length} bytes was skipped")]
        public static partial void BinaryFrame(ILogger logger, int number, int length);

        [LoggerMessage(EventId = 2127, Level = LogLevel.Warning, Message = "Socket Mode connection {Number}: a frame of type {Type} that is neither an envelope nor known was skipped")]
        public static partial void UnknownFrame(ILogger logger, int number, string type);

        [LoggerMessage(EventId = 2128, Level = LogLevel.Debug, Message = "Socket Mode connection {Number} is closing: envelope {EnvelopeId} ({Type}) is left for Slack to send again")]
        public static partial void LeftForRedelivery(ILogger logger, int number, string type, string envelopeId);

        [LoggerMessage(EventId = 2129, Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} ({Type}) failed; not acknowledged, so Slack sends it again")]
        public static partial void HandlerFailed(ILogger logger, string envelopeId, string type, Exception exception);
    }
}
