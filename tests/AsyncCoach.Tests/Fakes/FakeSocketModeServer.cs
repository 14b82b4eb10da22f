using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsyncCoach.Tests.Fakes;

/// <summary>
/// Slack's side of Socket Mode: a real WebSocket server (Kestrel on 127.0.0.1:0) that the fake Web
/// API's <c>apps.connections.open</c> hands out (<see cref="AttachTo"/>). Each accepted socket is a
/// <see cref="FakeSocketConnection"/> that says hello, sends envelopes and records acks. Like Slack,
/// it can send again what was not acknowledged (<see cref="Unacknowledged"/>).
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;
    private readonly List<FakeSocketConnection> _connections = [];
    private readonly ConcurrentDictionary<string, (string Frame, int Attempts)> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonElement> _acks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _envelopes;

    private FakeSocketModeServer(WebApplication app) => _app = app;

    /// <summary><c>ws://127.0.0.1:{port}/link/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Whether a new connection is greeted with <c>hello</c> at once.</summary>
    public bool SayHello { get; set; } = true;

    public IReadOnlyList<FakeSocketConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Every ack received, by envelope id (the last one wins).</summary>
    public IReadOnlyDictionary<string, JsonElement> Acks => _acks;

    /// <summary>Envelopes sent and not acknowledged yet, as their frames.</summary>
    public IReadOnlyList<string> Unacknowledged => [.. _sent.Where(s => !_acks.ContainsKey(s.Key)).Select(s => s.Value.Frame)];

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeSocketModeServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Run(fake.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/link/");
        return fake;
    }

    /// <summary>Makes <paramref name="slack"/>'s <c>apps.connections.open</c> answer with this server's URL, a new ticket each time.</summary>
    public void AttachTo(FakeSlackApi slack) =>
        slack.SetDefault("apps.connections.open", FakeResponse.Ok(new JsonObject { ["url"] = new Uri(Url, "?ticket=fake").ToString() }));

    /// <summary>Waits until <paramref name="count"/> connections have been accepted; returns the last of them.</summary>
    public Task<FakeSocketConnection> WaitForConnectionAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => Connections.Count >= count ? Connections[count - 1] : null, $"{count} connection(s), got {Connections.Count}", timeout);

    public async Task<JsonElement> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        await WaitAsync(() => _acks.ContainsKey(envelopeId) ? (object?)true : null, $"an ack of {envelopeId}", timeout);
        return _acks[envelopeId];
    }

    public Task WaitForAcksAsync(IEnumerable<string> envelopeIds, TimeSpan? timeout = null)
    {
        var ids = envelopeIds.ToList();
        return WaitAsync(() => ids.All(_acks.ContainsKey) ? (object?)true : null, $"acks of {ids.Count} envelopes, missing {ids.Count(id => !_acks.ContainsKey(id))}", timeout);
    }

    /// <summary>A new envelope id, unique in this server.</summary>
    public string NextEnvelopeId() => string.Create(CultureInfo.InvariantCulture, $"env-{Interlocked.Increment(ref _envelopes):D6}");

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal void Sent(string envelopeId, string frame) => _sent.AddOrUpdate(envelopeId, (frame, 1), (_, old) => (frame, old.Attempts + 1));

    internal void Acked(JsonElement ack)
    {
        if (ack.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelopeId)
        {
            _acks[envelopeId] = ack;
            Changed();
        }
    }

    internal void Changed()
    {
        lock (_gate)
        {
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSocketConnection(this, socket, Connections.Count + 1);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        Changed();
        if (SayHello)
        {
            await connection.HelloAsync();
        }

        await connection.ReceiveUntilClosedAsync();
        Changed();
    }

    private async Task<T> WaitAsync<T>(Func<T?> probe, string what, TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"FakeSocketModeServer: expected {what}.");
            }
        }
    }
}

/// <summary>One accepted socket, seen from Slack's side.</summary>
public sealed class FakeSocketConnection(FakeSocketModeServer server, WebSocket socket, int number)
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number { get; } = number;

    /// <summary>Completes when the socket is closed (by either side) or dropped.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Whether the app closed it with a close frame (a graceful close).</summary>
    public bool ClosedByApp { get; private set; }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Slack's greeting (the docs' example, made valid JSON: docs-hello.INVALID-JSON.txt lacks a colon).</summary>
    public Task HelloAsync() =>
        SendAsync($$$"""{"type":"hello","connection_info":{"app_id":"A1234"},"num_connections":{{{Number}}},"debug_info":{"host":"applink-fake","started":"2020-10-11 12:12:12.120","build_number":54,"approximate_connection_time":3600}}""");

    /// <summary>Sends an envelope and returns its id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, string payloadJson, bool acceptsResponsePayload = false, string? envelopeId = null, int? retryAttempt = null)
    {
        var id = envelopeId ?? server.NextEnvelopeId();
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["payload"] = JsonNode.Parse(payloadJson),
        };
        if (retryAttempt is not null)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = "timeout";
        }

        var frame = envelope.ToJsonString();
        server.Sent(id, frame);
        await SendAsync(frame);
        return id;
    }

    /// <summary>Sends a frame exactly as given (an envelope Slack sent before, a malformed one, …).</summary>
    public Task SendRawAsync(string frame) => SendAsync(frame);

    public Task DisconnectAsync(string reason) =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"fake"}}""");

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort() => socket.Abort();

    internal async Task ReceiveUntilClosedAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByApp = true;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                server.Acked(document.RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
