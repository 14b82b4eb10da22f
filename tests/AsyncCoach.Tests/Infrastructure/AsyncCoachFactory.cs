using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>
/// The real service on Kestrel (loopback, a free port) with its own SQLite file and a fake clock.
/// Only the edges are swapped: time, the database location and, per test, a few services.
/// </summary>
public sealed class AsyncCoachFactory : WebApplicationFactory<Program>
{
    public const string SigningSecret = "test-signing-secret";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public AsyncCoachFactory(string? databasePath = null, DateTimeOffset? startTime = null)
    {
        Time = new FakeTimeProvider(startTime ?? DateTimeOffset.UtcNow);
        DatabasePath = databasePath ?? TestFiles.NewDatabase("test");
        _settings["Slack:SigningSecret"] = SigningSecret;
        _settings["Storage:ConnectionString"] = $"Data Source={DatabasePath}";

        // A free port through the server's own setting, not UseKestrel(0): that one rewrites the
        // server's addresses after the app has built its host, while the app's own RunAsync may
        // already be starting Kestrel ("cannot be modified after the server has started"). The
        // bound address is read back once the server has started.
        _settings["urls"] = "http://127.0.0.1:0";

        // The outbox sender's wait after a wake-up (Nudges:WakeDelay) runs on the fake clock, which
        // most tests do not move: they get their sends at once, and the tests of that wait set it.
        _settings["Nudges:WakeDelay"] = "00:00:00";
        UseKestrel();
    }

    public string DatabasePath { get; }

    /// <summary>Reports each processed inbox batch; registered before the host starts.</summary>
    public ProcessorProbe Processed { get; } = new();

    public FakeTimeProvider Time { get; }

    public AsyncCoachFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public AsyncCoachFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>A client for the real Kestrel server.</summary>
    public HttpClient CreateRealClient()
    {
        StartServer();
        return CreateClient();
    }

    public HttpRequestMessage SignedRequest(string path, string body, string contentType = "application/json", DateTimeOffset? at = null) =>
        SignedRequests.Create(path, body, contentType, SigningSecret, at ?? Time.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<AsyncCoach.Inbox.IInboxObserver>(Processed);
            services.AddSingleton<AsyncCoach.Inbox.IInboxIdleHandler>(Processed);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    /// <summary>
    /// Polly's pipelines, when disposed, wait on the injected clock for calls still in flight: they
    /// check, sleep on that clock, and check again. With a fake clock that nobody moves any more
    /// such a sleep never ends (a call still running when the host stopped hung a test run for
    /// good: CommandDeadlineTests, seen in a dump), so the clock is kept moving until the host is gone.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        Time.AutoAdvanceAmount = TimeSpan.FromMinutes(1);
        Time.Advance(TimeSpan.FromMinutes(5));
        var disposing = base.DisposeAsync().AsTask();
        while (!disposing.IsCompleted)
        {
            // A poll on real time, not a wait for an outcome: each turn moves the fake clock on.
            await Task.WhenAny(disposing, Task.Delay(20));
            Time.Advance(TimeSpan.FromSeconds(30));
        }

        await disposing;
    }

    public void DeleteDatabase() => TempSqliteFile.Delete(DatabasePath);
}
