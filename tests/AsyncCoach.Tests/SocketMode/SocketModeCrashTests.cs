using System.Diagnostics;
using System.Globalization;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.SocketMode;

/// <summary>
/// The service as its own process in Socket Mode, killed with SIGKILL while envelopes are being
/// delivered, then started again on the same database. The fake Slack sends again what was not
/// acknowledged, as Slack does. Every envelope must then be processed exactly once: nothing
/// acknowledged lost, nothing unacknowledged dropped, nothing twice.
/// </summary>
[NonParallelizable]
public sealed class SocketModeCrashTests
{
    private const int Envelopes = 1000;

    // Sent before the kill; the rest only after the restart, so some are always left to deliver again.
    private const int SentBeforeKill = 200;
    private string _database = null!;
    private string _slackBase = "";

    [SetUp]
    public void NewDatabase() => _database = TestFiles.NewDatabase("crash");

    [TearDown]
    public void DeleteDatabase() => TempSqliteFile.Delete(_database);

    [Test]
    public async Task After_a_kill_9_mid_stream_every_envelope_is_processed_exactly_once()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var socket = await FakeSocketModeServer.StartAsync();
        socket.AttachTo(slack);
        _slackBase = slack.ApiBaseUrl.ToString();
        var attempted = 0;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var bodies = Enumerable.Range(0, Envelopes).Select(i => Payloads.MessageEvent(
            $"EvCrash{i:D4}", text: "hey <@U0002> can we hop on a quick call about the deploy?", channel: $"C0CRASH{i % 5}", user: $"U0CRASH{i:D4}",
            ts: string.Create(CultureInfo.InvariantCulture, $"{now}.{i + 1:D6}"))).ToList();

        using (var first = Start())
        {
            var connection = await socket.WaitForConnectionAsync(1, TimeSpan.FromSeconds(60));
            // The first SentBeforeKill envelopes go as fast as the socket takes them; the rest wait
            // until the process is gone, so however fast it acknowledges, some were never sent
            // (and, usually, some were sent and not yet acknowledged when the kill landed).
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sending = Task.Run(async () =>
            {
                foreach (var body in bodies.Take(SentBeforeKill))
                {
                    try
                    {
                        await connection.SendEnvelopeAsync("events_api", body);
                        attempted++;
                    }
                    catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or InvalidOperationException or ObjectDisposedException)
                    {
                        return; // the process is gone; the rest is sent after the restart
                    }
                }

                await killed.Task;
            });
            // The fake numbers envelopes in order: once the 20th is acknowledged, more are in flight.
            await socket.WaitForAckAsync("env-000020", TimeSpan.FromSeconds(60));
            first.Kill(); // SIGKILL: no shutdown, no flush
            await first.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            killed.SetResult();
            await sending;
            await connection.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var acknowledged = socket.Acks.Keys.ToHashSet();
        Assert.That(acknowledged, Has.Count.LessThan(Envelopes), "the kill came before the last ack, or the test proves nothing");

        using var second = Start();
        try
        {
            var connection = await socket.WaitForConnectionAsync(2, TimeSpan.FromSeconds(60));
            // Slack sends again what was sent and not acknowledged, then what was never sent.
            var unacknowledged = socket.Unacknowledged;
            foreach (var frame in unacknowledged)
            {
                await connection.SendRawAsync(frame);
            }

            foreach (var body in bodies.Skip(attempted))
            {
                await connection.SendEnvelopeAsync("events_api", body);
            }

            await WaitUntilAsync(() => socket.Acks.Count >= Envelopes, "every envelope acknowledged", second);
            await WaitUntilAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM inbox WHERE state = 'done'") >= Envelopes, "every event processed", second);

            var rows = await QueryAsync<(string EventId, long Count)>("SELECT event_id, COUNT(*) FROM inbox GROUP BY event_id");
            Assert.That(rows, Has.Count.EqualTo(Envelopes));
            Assert.That(rows.Select(r => r.Count), Is.All.EqualTo(1));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM inbox WHERE state <> 'done' OR payload IS NOT NULL"), Is.Zero);
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM findings WHERE rule_id = 'huddle-instead-of-thread'"), Is.EqualTo(Envelopes), "one finding per message");
            await TestContext.Out.WriteLineAsync(
                $"acknowledged before the kill: {acknowledged.Count} of {Envelopes}; sent and unacknowledged: {unacknowledged.Count}; never sent: {Envelopes - attempted}");
        }
        finally
        {
            using var term = Process.Start("kill", ["-TERM", second.Id.ToString(CultureInfo.InvariantCulture)]);
            await second.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private Process Start()
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "AsyncCoach.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "serve", "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Slack__AppToken"] = SocketModeHarness.AppToken;
        start.Environment["Slack__ApiBaseUrl"] = _slackBase;
        start.Environment["Storage__ConnectionString"] = $"Data Source={_database}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, Process service) =>
        await WaitUntilAsync(() => Task.FromResult(condition()), what, service);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, Process service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.That(service.HasExited, Is.False, $"the service exited before {what}");
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"no {what} within 90 s");
            await Task.Delay(50);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        try
        {
            return (await QueryAsync<long>(sql)).Single();
        }
        catch (SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql)).AsList();
    }
}
