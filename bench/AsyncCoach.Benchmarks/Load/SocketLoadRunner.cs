using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AsyncCoach.Benchmarks.Load;

/// <summary>
/// <c>socket-load</c>: plays Slack's side of Socket Mode for a running instance (its
/// <c>Slack:ApiBaseUrl</c> pointed here, so its <c>apps.connections.open</c> gets this server's
/// WebSocket URL) and sends <c>events_api</c> envelopes over its one connection: at saturation
/// (<c>--window</c> envelopes awaiting their ack at any moment) and at <c>--rate</c> per second.
/// Reports envelopes/s, ack latency percentiles and the server's CPU per envelope. With
/// <c>--http-url</c>, runs the HTTP <c>load</c> at the same settings right after, for the side by side.
/// </summary>
public static class SocketLoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        var port = int.Parse(Get("port", "5190"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(Get("duration", "10"), CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(Get("warmup", "3"), CultureInfo.InvariantCulture));
        var rate = double.Parse(Get("rate", "1000"), CultureInfo.InvariantCulture);
        var window = int.Parse(Get("window", "50"), CultureInfo.InvariantCulture);
        int? pid = values.TryGetValue("server-pid", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : null;

        await using var slack = await FakeSocketSlack.StartAsync(port);
        Console.WriteLine($"waiting for AsyncCoach to connect: start it with Slack__AppToken=xapp-bench Slack__ApiBaseUrl=http://127.0.0.1:{port}/api/");
        await slack.Connected.WaitAsync(TimeSpan.FromMinutes(2));
        var factory = new SignedEventFactory(new Uri("http://unused/"), "unused", double.Parse(Get("finding-share", "0.33"), CultureInfo.InvariantCulture));

        await PhaseAsync(slack, factory, warmup, null, window, pid, report: false);
        await PhaseAsync(slack, factory, duration, null, window, pid, report: true);
        await PhaseAsync(slack, factory, warmup, rate, window, pid, report: false);
        await PhaseAsync(slack, factory, duration, rate, window, pid, report: true);

        if (values.TryGetValue("http-url", out var httpUrl))
        {
            string[] common = ["--url", httpUrl, "--connections", window.ToString(CultureInfo.InvariantCulture),
                "--duration", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--warmup", warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                .. pid is { } serverPid ? new[] { "--server-pid", serverPid.ToString(CultureInfo.InvariantCulture) } : []];
            Console.WriteLine("HTTP, the same server:");
            await LoadRunner.RunAsync(common);
            await LoadRunner.RunAsync([.. common, "--rate", rate.ToString(CultureInfo.InvariantCulture)]);
        }

        return 0;
    }

    private static async Task PhaseAsync(FakeSocketSlack slack, SignedEventFactory factory, TimeSpan duration, double? rate, int window, int? pid, bool report)
    {
        var cpuBefore = LoadRunner.ServerCpu(pid);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long next = -1;
        var latencies = new ConcurrentBag<long>();
        var workers = Enumerable.Range(0, window).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                if (rate is { } perSecond)
                {
                    var due = start + (long)(Interlocked.Increment(ref next) / perSecond * Stopwatch.Frequency);
                    if (due >= end)
                    {
                        return;
                    }

                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait);
                    }
                }
                else if (Stopwatch.GetTimestamp() >= end)
                {
                    return;
                }

                var took = await slack.SendAsync(factory.Body(DateTimeOffset.UtcNow));
                if (report)
                {
                    latencies.Add(took);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (!report)
        {
            return;
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        double Percentile(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
        var mode = rate is { } r ? $"fixed rate {r:0}/s" : $"saturation ({window} awaiting their ack)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"socket mode, {mode}: envelopes: {sorted.Length}, envelopes/s: {sorted.Length / elapsed.TotalSeconds:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack latency ms: p50 {Percentile(0.50):0.000}, p90 {Percentile(0.90):0.000}, p99 {Percentile(0.99):0.000}, p99.9 {Percentile(0.999):0.000}, max {Percentile(1):0.000}"));
        if (cpuBefore is { } before && LoadRunner.ServerCpu(pid) is { } after && sorted.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server CPU: {(after - before).TotalSeconds:0.00} s, per envelope: {(after - before).TotalMicroseconds / sorted.Length:0.0} µs"));
        }
    }

    /// <summary>The Slack side: <c>apps.connections.open</c> and one WebSocket, with each sent envelope awaiting its ack.</summary>
    private sealed class FakeSocketSlack : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<long, TaskCompletionSource> _pending = new();
        private readonly TaskCompletionSource<WebSocket> _socket = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _sending = new(1, 1);
        private long _envelopes;

        private FakeSocketSlack(WebApplication app) => _app = app;

        public Task Connected => _socket.Task;

        public static async Task<FakeSocketSlack> StartAsync(int port)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            var fake = new FakeSocketSlack(app);
            app.UseWebSockets();
            app.MapPost("/api/apps.connections.open", () => Results.Text($$"""{"ok":true,"url":"ws://127.0.0.1:{{port}}/link"}""", "application/json"));
            app.MapPost("/api/{method}", () => Results.Text("""{"ok":true}""", "application/json"));
            app.Map("/link", fake.AcceptAsync);
            await app.StartAsync();
            return fake;
        }

        /// <summary>Sends one envelope; returns the Stopwatch ticks until its ack arrived.</summary>
        public async Task<long> SendAsync(byte[] payload)
        {
            var socket = await _socket.Task;
            var id = Interlocked.Increment(ref _envelopes);
            var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = acked;
            var frame = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $$"""{"envelope_id":"{{id}}","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":"","payload":{{Encoding.UTF8.GetString(payload)}}}"""));
            var sent = Stopwatch.GetTimestamp();
            await _sending.WaitAsync();
            try
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }

            await acked.Task;
            return Stopwatch.GetTimestamp() - sent;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task AcceptAsync(HttpContext context)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"approximate_connection_time":3600}}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            _socket.TrySetResult(socket);
            var buffer = new byte[4096];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    using var ack = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                    var id = long.Parse(ack.RootElement.GetProperty("envelope_id").GetString()!, CultureInfo.InvariantCulture);
                    if (_pending.TryRemove(id, out var waiting))
                    {
                        waiting.SetResult();
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // The run is over and this server is stopping, or the instance went away.
            }
        }
    }
}
