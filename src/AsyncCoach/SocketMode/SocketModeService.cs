using System.Net.WebSockets;
using AsyncCoach.Observability;
using AsyncCoach.Slack.SocketMode;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection open while <c>Slack:AppToken</c> is set (slack-platform.md §8).
/// On a <c>disconnect</c> (<c>warning</c>, <c>refresh_requested</c>) the replacement is opened
/// first and the old connection closed after it, so no envelope falls in a gap; after a drop or a
/// failed attempt it waits an exponential backoff with jitter (on <see cref="TimeProvider"/>);
/// on <c>link_disabled</c> it stops and <c>/readyz</c> says why.
/// </summary>
public sealed partial class SocketModeService(
    ConnectionsOpenClient opener,
    SocketEnvelopeHandler handler,
    SocketModeStatus status,
    DatabaseReadiness database,
    IOptions<SocketModeOptions> options,
    TimeProvider time,
    AsyncCoachMetrics metrics,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private readonly List<Task> _retiring = [];
    private int _connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Events are accepted into the inbox, which waits for the migrated database.
        if (!status.IsEnabled || !await database.WaitForMigrationAsync(stoppingToken))
        {
            return;
        }

        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (true)
            {
                SocketModeConnection next;
                try
                {
                    next = await ConnectAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    var delay = options.Value.Backoff(failures, Random.Shared.NextDouble());
                    Log.ConnectFailed(logger, failures, delay.TotalSeconds, Describe(ex));
                    metrics.SocketModeReconnecting();
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                if (current is not null)
                {
                    // The replacement is open: the old one acknowledges what it is handling, then closes.
                    Retire(current);
                }

                current = next;
                metrics.SocketModeOpened();
                var end = await current.Ended.WaitAsync(stoppingToken);
                metrics.SocketModeClosed(end switch
                {
                    ConnectionEnd.Refresh => "refresh",
                    ConnectionEnd.LinkDisabled => "link_disabled",
                    _ => "dropped",
                });
                if (end == ConnectionEnd.LinkDisabled)
                {
                    Log.LinkDisabled(logger);
                    return;
                }

                failures = current.SaidHello ? 0 : failures;
                if (end == ConnectionEnd.Refresh)
                {
                    continue;
                }

                Retire(current);
                current = null;
                failures++;
                var wait = options.Value.Backoff(failures, Random.Shared.NextDouble());
                Log.Reconnecting(logger, wait.TotalSeconds);
                metrics.SocketModeReconnecting();
                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (current is not null)
            {
                Retire(current);
            }

            await Task.WhenAll(_retiring);
        }
    }

    private async Task<SocketModeConnection> ConnectAsync(CancellationToken stoppingToken)
    {
        var url = await opener.OpenAsync(stoppingToken);
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.Value.PingInterval;
        socket.Options.KeepAliveTimeout = options.Value.PingTimeout;
        using var timer = new CancellationTokenSource(options.Value.HelloTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timer.Token);
        try
        {
            await socket.ConnectAsync(url, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SocketModeConnection(
            socket, Interlocked.Increment(ref _connections), handler, status, options.Value, time, logger, stoppingToken);
        connection.Start();
        try
        {
            // The hello, or the connection's end (a link_disabled, a drop), whichever is first.
            await connection.Hello.WaitAsync(options.Value.HelloTimeout, time, stoppingToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void Retire(SocketModeConnection connection) => _retiring.Add(RetireAsync(connection));

    private static async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.CloseAsync();
        await connection.DisposeAsync();
    }

    /// <summary>What went wrong, without the URL (its ticket is a credential) or the token.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        SlackApiException slack => $"{ConnectionsOpenClient.Method}: {slack.Error}",
        WebSocketException socket => $"WebSocket: {socket.WebSocketErrorCode}",
        TimeoutException or OperationCanceledException => "no answer in time",
        _ => ex.GetType().Name,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Opening a Socket Mode connection failed ({Failures} in a row: {Reason}); next attempt in {DelaySeconds:0.0} s")]
        public static partial void ConnectFailed(ILogger logger, int failures, double delaySeconds, string reason);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "The Socket Mode connection dropped; reconnecting in {DelaySeconds:0.0} s")]
        public static partial void Reconnecting(ILogger logger, double delaySeconds);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Slack disabled the Socket Mode link (link_disabled: Socket Mode was turned off in the app's settings). AsyncCoach stopped reconnecting and /readyz reports it; turn Socket Mode back on and restart, or unset Slack:AppToken to use HTTP.")]
        public static partial void LinkDisabled(ILogger logger);
    }
}
