using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Hosting;

/// <summary>
/// The native AOT publish, run as an operator runs it: its own process, a real SQLite file, HTTP on
/// loopback. A native build fails at run time where the JIT does not (reflection, emitted code), so
/// the rest of the suite cannot vouch for it. Set ASYNCCOACH_AOT_BINARY to the published executable
/// (`dotnet publish src/AsyncCoach -c Release -r linux-x64 -o DIR`, then DIR/AsyncCoach); CI does.
/// Without it these tests are skipped: the publish takes minutes and needs clang.
/// </summary>
[NonParallelizable]
public sealed class NativeAotTests
{
    private const string Secret = "aot-test-secret";
    private const string MessageText = "hey <@U0002> can we hop on a quick call about the deploy?";
    private string _binary = null!;
    private string _database = null!;
    private System.Collections.Concurrent.ConcurrentQueue<string>? _output;

    [OneTimeSetUp]
    public void FindBinary()
    {
        var binary = Environment.GetEnvironmentVariable("ASYNCCOACH_AOT_BINARY");
        if (string.IsNullOrEmpty(binary))
        {
            Assert.Ignore("ASYNCCOACH_AOT_BINARY is not set: no native AOT publish to test (CI sets it)");
        }

        Assert.That(File.Exists(binary), Is.True, $"ASYNCCOACH_AOT_BINARY={binary}: no such file");
        _binary = binary;
    }

    [SetUp]
    public void NewDatabase() => _database = TestFiles.NewDatabase("aot");

    [TearDown]
    public void DeleteDatabase() => TempSqliteFile.Delete(_database);

    [TestCase("text")]
    [TestCase("json")]
    public async Task The_native_service_acknowledges_processes_and_nudges_then_stops_cleanly(string format)
    {
        var port = FreePort();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var service = Start($"--urls http://127.0.0.1:{port}", format, output);
        try
        {
            _output = output;
            await ServeAsync(service, port);
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill();
            }
        }

        // Whatever the format: no message text and no secret in the log, and the start-up line there.
        var lines = output.ToList();
        var all = string.Join('\n', lines);
        Assert.That(all, Does.Contain("AsyncCoach is running in"));
        Assert.That(all, Does.Not.Contain(MessageText).And.Not.Contain("the deploy"));
        Assert.That(all, Does.Not.Contain(Secret));
        if (format == "json")
        {
            // One object per line, start-up lines included, each with its event id and level.
            Assert.That(lines, Is.Not.Empty);
            foreach (var line in lines)
            {
                using var json = System.Text.Json.JsonDocument.Parse(line);
                Assert.That(json.RootElement.TryGetProperty("EventId", out _) && json.RootElement.TryGetProperty("LogLevel", out _), Is.True, line);
            }
        }
    }

    private async Task ServeAsync(Process service, int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilAsync(async () => (await TryGetAsync(http, "/readyz")) == HttpStatusCode.OK, "ready", service);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var ts = $"{now}.000100";
        var message = Payloads.MessageEvent("EvAot1", text: MessageText, ts: ts);
        using (var response = await http.SendAsync(Signed("/slack/events", message, "application/json")))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var response = await http.SendAsync(Signed("/slack/events", """{"token":"x","challenge":"c-123","type":"url_verification"}""", "application/json")))
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("c-123"));
        }

        using (var response = await http.SendAsync(Signed("/slack/commands", CommandBodies.Async("classify review the launch plan"), CommandBodies.ContentType)))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Tier 3 of 6: review"));
        }

        using (var response = await http.SendAsync(Signed("/slack/events", "{bad", "application/json")))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("malformed JSON"));
        }

        // Processed in the background: the finding stored (with its instant in the stored format),
        // the payload cleared, and the nudge recorded as a dry-run chat.postEphemeral.
        await WaitUntilAsync(async () => await ScalarAsync("SELECT count(*) FROM slack_api_calls WHERE method = 'chat.postEphemeral'") == 1, "the nudge", service);
        Assert.That(await ScalarAsync("SELECT count(*) FROM inbox WHERE state = 'done' AND payload IS NULL"), Is.EqualTo(1));
        var messageTime = DateTimeOffset.FromUnixTimeSeconds(now).AddTicks(1_000); // ts ends in .000100
        Assert.That(await TextAsync("SELECT rule_id || ' ' || at FROM findings"),
            Is.EqualTo($"huddle-instead-of-thread {Storage.Sqlite.StoredInstant.Format(messageTime)}"));

        // What systemd or `docker stop` sends: the service drains and exits with 0.
        using var kill = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(service.ExitCode, Is.Zero);
    }

    [Test]
    public async Task The_native_verbs_check_classify_and_audit()
    {
        var check = await RunAsync("check", "hey <@U2> got a minute?");
        Assert.That(check.ExitCode, Is.EqualTo(1), check.Output);
        Assert.That(check.Output, Does.Contain("missing-context"));

        var classify = await RunAsync("classify", "review the launch plan");
        Assert.That(classify.ExitCode, Is.Zero, classify.Output);
        Assert.That(classify.Output, Does.StartWith("Tier 3 of 6: review."));

        var export = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "export-sample", "hfaran-slack-export-viewer", "testarchive.zip");
        var audit = await RunAsync("audit", export, "--format", "json");
        Assert.That(audit.ExitCode, Is.Zero, audit.Output);
        Assert.That(audit.Output, Does.Contain("\"missing-context\""));

        var missing = await RunAsync("audit", "/nonexistent/export.zip");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Output, Does.Contain("/nonexistent/export.zip: no such file or folder"));
    }

    private Process Start(string arguments, string format, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo(_binary, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Slack__SigningSecret"] = Secret;
        start.Environment["Storage__ConnectionString"] = $"Data Source={_database}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Format"] = format;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Keep(string? line)
        {
            if (!string.IsNullOrEmpty(line))
            {
                output.Enqueue(line);
            }
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(_binary, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Storage__ConnectionString"] = $"Data Source={_database}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    private static HttpRequestMessage Signed(string path, string body, string contentType) =>
        SignedRequests.Create(path, body, contentType, Secret, DateTimeOffset.UtcNow);

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null; // not listening yet, or too busy to answer within the client's timeout
        }
    }

    // A deadline, not a timing: generous because CI runs the other test assemblies beside this one.
    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what, Process service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.That(service.HasExited, Is.False, $"the service exited (code {(service.HasExited ? service.ExitCode : 0)}) before {what}; it said:\n{Said()}");
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"no {what} within 60 s; the service said:\n{Said()}");
            await Task.Delay(50);
        }
    }

    private string Said() => string.Join('\n', (_output ?? new System.Collections.Concurrent.ConcurrentQueue<string>()).TakeLast(30));

    private async Task<long> ScalarAsync(string sql) => (long)(await QueryAsync(sql) ?? 0L);

    private async Task<string?> TextAsync(string sql) => (string?)await QueryAsync(sql);

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return await command.ExecuteScalarAsync();
        }
        catch (SqliteException)
        {
            return null; // not migrated yet
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
