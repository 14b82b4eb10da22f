using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;

namespace AsyncCoach.Tests.Hosting;

/// <summary>
/// What systemd or <c>docker stop</c> does under load: SIGTERM to the real service (the built
/// <c>AsyncCoach.dll</c> in a process of its own, the fake Slack Web API on loopback) while signed
/// events keep arriving and nudges are being sent; then a restart on the same database. Every
/// acknowledged event is processed once, its nudge sent once, and no nudge is sent twice.
/// </summary>
[NonParallelizable]
public sealed class GracefulShutdownTests
{
    private const string Secret = "shutdown-test-secret";
    private const string Text = "hey <@U0002> can we hop on a quick call about the deploy?";
    private const int MaxEvents = 3_000;
    private const int MaxAhead = 200;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private string _database = null!;

    [SetUp]
    public void NewDatabase() => _database = TestFiles.NewDatabase("shutdown");

    [TearDown]
    public void DeleteDatabase() => TempSqliteFile.Delete(_database);

    private static string Author(int i) => string.Create(CultureInfo.InvariantCulture, $"UA{i:D6}");

    [Test]
    public async Task Sigterm_mid_load_then_a_restart_processes_every_acknowledged_event_once_and_sends_no_nudge_twice()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        // Slack's own latency on the nudges, so that calls are in flight when the signal comes.
        slack.Responder = call => call.Method == "chat.postEphemeral" ? slack.DefaultAnswer(call) with { Delay = TimeSpan.FromMilliseconds(10) } : null;

        var acknowledged = new ConcurrentDictionary<int, bool>();
        var port = FreePort();
        var first = await StartAsync(slack, port);
        var stopSending = new CancellationTokenSource();
        var sent = -1;
        var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(() => SendUntilStoppedAsync(slack, port, start, () => Interlocked.Increment(ref sent), acknowledged, stopSending.Token))).ToArray();

        // Mid-load: nudges going out, events still arriving (the load keeps at most MaxAhead ahead of the nudges).
        await slack.WaitForCallAsync("chat.postEphemeral", count: 100, timeout: Deadline);
        var ackedBeforeSignal = acknowledged.Count;
        await StopAsync(first);
        await stopSending.CancelAsync();
        await Task.WhenAll(load);

        Assert.That(first.Process.ExitCode, Is.Zero, first.Output);
        Assert.That(ackedBeforeSignal, Is.LessThan(MaxEvents), "the signal came while events were still being sent");
        // Nothing left half-sent: claimed rows that had not reached Slack were given back.
        Assert.That(await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM nudges WHERE state = 'sending'"), Is.Zero);
        var sentBeforeRestart = slack.CallsTo("chat.postEphemeral").Count;

        var second = await StartAsync(slack, port);
        var expected = acknowledged.Keys.Select(Author).ToHashSet(StringComparer.Ordinal);
        try
        {
            // Each new call wakes the wait: no polling of the fake.
            var calls = slack.CallsTo("chat.postEphemeral");
            while (!expected.IsSubsetOf(calls.Select(c => c.Arg("user") ?? "")))
            {
                await slack.WaitForCallAsync("chat.postEphemeral", count: calls.Count + 1, timeout: Deadline);
                calls = slack.CallsTo("chat.postEphemeral");
            }
        }
        finally
        {
            await StopAsync(second);
        }

        Assert.That(second.Process.ExitCode, Is.Zero, second.Output);

        TestContext.Out.WriteLine($"{acknowledged.Count} events acknowledged ({ackedBeforeSignal} before SIGTERM), {sentBeforeRestart} nudges sent before the restart");
        var nudged = slack.CallsTo("chat.postEphemeral").GroupBy(c => c.Arg("user") ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var findings = await FindingsPerAuthorAsync();
        Assert.Multiple(() =>
        {
            Assert.That(nudged.Where(n => n.Value > 1).Select(n => n.Key), Is.Empty, "nudges sent twice");
            foreach (var author in expected)
            {
                Assert.That(findings.GetValueOrDefault(author), Is.GreaterThan(0), $"findings of {author}'s acknowledged event");
                Assert.That(nudged.GetValueOrDefault(author), Is.EqualTo(1), $"nudges to {author}");
            }
        });
        var done = await TestDatabase.InboxAsync(_database);
        Assert.That(
            acknowledged.Keys.Select(i => string.Create(CultureInfo.InvariantCulture, $"EvStop{i:D6}")).Except(done.Where(r => r.State == "done").Select(r => r.EventId)),
            Is.Empty, "acknowledged events without a processed inbox row");
        Assert.That(await TestDatabase.ScalarAsync<long>(_database, "SELECT count(*) FROM nudges WHERE end_reason = 'interrupted'"), Is.Zero, "no nudge was cut off mid-call");
    }

    private async Task<Dictionary<string, long>> FindingsPerAuthorAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT author_id, count(*) FROM findings GROUP BY author_id";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    // Events as fast as one connection takes them, each from an author of its own (so no daily cap
    // holds a nudge back), until the service stops answering or the test stops the load; never more
    // than MaxAhead acknowledged ahead of the nudges sent (so the signal comes mid-load however
    // slowly this machine processes), waiting on the fake's calls, not on a clock.
    private static async Task SendUntilStoppedAsync(
        FakeSlackApi slack, int port, long start, Func<int> next, ConcurrentDictionary<int, bool> acknowledged, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        while (!stop.IsCancellationRequested)
        {
            var nudges = slack.CallsTo("chat.postEphemeral").Count;
            if (acknowledged.Count - nudges > MaxAhead)
            {
                try
                {
                    await slack.WaitForCallAsync("chat.postEphemeral", count: nudges + 1, timeout: Deadline).WaitAsync(stop);
                }
                catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
                {
                    // Stopped: the service is down and sends no more nudges.
                }

                continue;
            }

            var i = next();
            if (i >= MaxEvents)
            {
                return;
            }

            var ts = string.Create(CultureInfo.InvariantCulture, $"{start}.{i:D6}");
            var body = Payloads.MessageEvent($"EvStop{i:D6}", text: Text, user: Author(i), ts: ts);
            try
            {
                using var request = SignedRequests.Create("/slack/events", body, "application/json", Secret, DateTimeOffset.UtcNow);
                using var response = await http.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[i] = true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Refused or cut off while stopping: not acknowledged, so Slack would send it again.
            }
        }
    }

    private sealed record Service(Process Process, ConcurrentQueue<string> Lines)
    {
        public string Output => string.Join('\n', Lines);
    }

    private async Task<Service> StartAsync(FakeSlackApi slack, int port)
    {
        var start = ServiceProcess.StartInfo(port, Secret, "xoxb-shutdown-test", slack.ApiBaseUrl);
        start.Environment["Storage__ConnectionString"] = $"Data Source={_database}";
        // Every author is new: users.info for each, as fast as the fake answers.
        start.Environment["Workspace__Tier4PerMinute"] = "1000000";
        start.Environment["Shutdown__Timeout"] = "00:00:30";
        var lines = new ConcurrentQueue<string>();
        var process = ServiceProcess.Start(start, lines);
        var service = new Service(process, lines);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilAsync(async () => await ServiceProcess.IsReadyAsync(http), "ready", process, service);
        return service;
    }

    /// <summary>SIGTERM, as systemd and Docker send it (<see cref="Process.Kill()"/> is SIGKILL), and the exit within the deadline.</summary>
    private static async Task StopAsync(Service service)
    {
        using (var kill = Process.Start("kill", ["-TERM", service.Process.Id.ToString(CultureInfo.InvariantCulture)]) ?? throw new InvalidOperationException("kill did not start"))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await service.Process.WaitForExitAsync().WaitAsync(Deadline);
        }
        catch (TimeoutException)
        {
            service.Process.Kill();
            Assert.Fail($"the service did not exit within {Deadline} of SIGTERM\n{service.Output}");
        }
    }

    // A deadline, not a timing: polls the condition until it holds, or fails with what the service printed.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, Process process, Service? service = null)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                Assert.Fail($"waiting for {what}: {(process.HasExited ? "the service exited" : "deadline passed")}\n{service?.Output}");
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
