using System.Net;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.SocketMode;

/// <summary>
/// The service in Socket Mode (an app-level token) against a fake Slack: the Web API (with
/// <c>apps.connections.open</c>) and a WebSocket server, both real servers on 127.0.0.1.
/// </summary>
public sealed class SocketModeHarness : IAsyncDisposable
{
    public const string AppToken = "xapp-test-socket-mode";

    private SocketModeHarness(FakeSlackApi slack, FakeSocketModeServer socket, AsyncCoachFactory factory, FakeLogCollector logs)
    {
        Slack = slack;
        Socket = socket;
        Factory = factory;
        Logs = logs;
        Client = factory.CreateRealClient();
    }

    public FakeSlackApi Slack { get; }

    public FakeSocketModeServer Socket { get; }

    public AsyncCoachFactory Factory { get; }

    public HttpClient Client { get; }

    public FakeLogCollector Logs { get; }

    /// <param name="server">Set-up of the fakes before the service starts (and opens its first connection).</param>
    /// <param name="configure">Settings and services of the service.</param>
    public static async Task<SocketModeHarness> StartAsync(Action<FakeSlackApi, FakeSocketModeServer>? server = null, Action<AsyncCoachFactory>? configure = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var socket = await FakeSocketModeServer.StartAsync();
        socket.AttachTo(slack);
        server?.Invoke(slack, socket);
        var logs = new FakeLogCollector();
        var factory = new AsyncCoachFactory()
            .With("Slack:AppToken", AppToken)
            .With("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString())
            .WithServices(s => s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));
        configure?.Invoke(factory);
        return new SocketModeHarness(slack, socket, factory, logs);
    }

    /// <summary>Waits for the <paramref name="count"/>th connection and for the service to have read its hello (an envelope sent after it is acknowledged).</summary>
    public async Task<FakeSocketConnection> ConnectedAsync(int count = 1)
    {
        var connection = await Socket.WaitForConnectionAsync(count);
        var probe = await connection.SendEnvelopeAsync("events_api", """{"type":"app_rate_limited","team_id":"T0001"}""");
        await Socket.WaitForAckAsync(probe);
        return connection;
    }

    public async Task<(HttpStatusCode Status, string Body)> ReadyzAsync()
    {
        using var response = await Client.GetAsync("/readyz");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls <c>/readyz</c> (real time, with a deadline) until the service notices it has no connection.</summary>
    public async Task UntilNotReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await ReadyzAsync()).Status == HttpStatusCode.OK)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "/readyz still says ready");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits (real time, with a deadline) until the service has logged <paramref name="eventId"/>
    /// <paramref name="count"/> times: the back-off is logged just before its wait on the clock
    /// starts, so moving the clock before that line would count steps the service never waited.
    /// </summary>
    public async Task UntilLoggedAsync(int eventId, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Logs.GetSnapshot().Count(l => l.Id.Id == eventId) < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"event {eventId} was not logged {count} time(s)");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Moves the fake clock on in steps of 100 ms until <paramref name="done"/> completes (the
    /// service may not have started its wait yet when a step is taken, so one big step could be
    /// lost); returns how far the clock moved.
    /// </summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Task done)
    {
        var step = TimeSpan.FromMilliseconds(100);
        var moved = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!done.IsCompleted)
        {
            // Let the service reach its wait before each step; on a busy machine this may take a while.
            await Task.WhenAny(done, Task.Delay(20));
            if (done.IsCompleted)
            {
                break;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "nothing happened as the clock moved");
            Factory.Time.Advance(step);
            moved += step;
        }

        await done;
        return moved;
    }

    /// <summary>Every log line so far, with its structured values, for checks that no message text leaked.</summary>
    public string AllLogs() => string.Join('\n', Logs.GetSnapshot().Select(l => $"{l.Id} {l.Message} {l.Exception}"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Factory.DeleteDatabase();
        await Socket.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
