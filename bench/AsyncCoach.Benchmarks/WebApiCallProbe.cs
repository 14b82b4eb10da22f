using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AsyncCoach.AppHome;
using AsyncCoach.Commands;
using AsyncCoach.Core.Norms;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Nudges;
using AsyncCoach.Observability;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

using static AsyncCoach.Benchmarks.ProbeOptions;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>webapi-cpu [--calls N] [--rounds R] [--method chat.postEphemeral] [--client retrying|single|floor|stages|s1-handler|…] [--url http://127.0.0.1:port/api/] [--alloc-types] [--metrics] [--trace]</c>: the client-side
/// CPU and allocations of one Web API call, <c>chat.postEphemeral</c> with a real nudge's blocks
/// and <c>views.publish</c> with a Home view, one call at a time over a kept-alive connection to
/// <c>fake-slack</c> (a Kestrel server in a child process, so its CPU is not counted). Clients:
/// <c>retrying</c> and <c>single</c> as the service builds them (DI, HttpClientFactory, the
/// resilience pipeline or none, the metrics handler, the service's appsettings.json log levels), and <c>floor</c>,
/// a bare <see cref="SocketsHttpHandler"/> sending a body serialized once. Rounds alternate the
/// clients so a neighbour's load falls on all of them alike. <c>--metrics</c> turns the service's
/// metrics on (<c>Metrics:Enabled</c>: OpenTelemetry collecting the Slack call counters), <c>--trace</c>
/// a listener that samples every <c>slack.call</c> span. <c>--client stages</c> runs the ladder from
/// <c>floor</c> to <c>single</c> one stage at a time (<see cref="WebApiStages"/>).
/// </summary>
public static class WebApiCallProbe
{
    private const string Token = "xoxb-fake-T0LOAD";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = IntOption(args, "--calls", 20_000);
        var rounds = IntOption(args, "--rounds", 5);
        var only = Option(args, "--client");
        var baseUrl = Option(args, "--url");
        var server = baseUrl is null ? StartFakeSlack(out baseUrl) : null;
        try
        {
            await WaitForAsync(baseUrl);
            await using var services = Services(baseUrl, metrics: args.Contains("--metrics"));
            _ = services.GetService<OpenTelemetry.Metrics.MeterProvider>(); // with --metrics: collecting, as the host starts it
            var factory = services.GetRequiredService<SlackWebApiClientFactory>();
            var ephemeral = Nudge();
            // --method chat.postEphemeral: every call the nudge's (what the outbox sends per message).
            PublishViewRequest? home = Option(args, "--method") == "chat.postEphemeral" ? null : new("U0AUTHOR1", Home());
            var clients = new List<(string Name, Func<int, Task> Run)>
            {
                ("retrying", n => Calls(factory.Create(Token), ephemeral, home, n)),
                ("single", n => Calls(SingleAttempt(factory), ephemeral, home, n)),
                ("floor", new Floor(baseUrl, ephemeral, home).RunAsync),
            };
            var stages = new WebApiStages(baseUrl, ephemeral, home, services.GetRequiredService<IHttpClientFactory>());
            if (only == "stages")
            {
                // The ladder from the bare handler to the outbox's client, in order.
                clients = [clients[2], .. stages.Clients(), clients[1]];
            }
            else
            {
                clients.AddRange(stages.Clients());
                clients.RemoveAll(c => only is null ? c.Name.StartsWith('s') && c.Name != "single" : c.Name != only);
            }

            using var tracing = args.Contains("--trace") ? WebApiStages.Tracing() : null;

            foreach (var (_, run) in clients)
            {
                await run(Math.Max(2_000, calls / 2)); // warm up and tier up
            }

            Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
            var results = clients.ToDictionary(c => c.Name, _ => new List<(double Micros, double Bytes)>());
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, run) in clients)
                {
                    var process = Process.GetCurrentProcess();
                    var cpu = process.TotalProcessorTime;
                    var bytes = GC.GetTotalAllocatedBytes(precise: true);
                    await run(calls);
                    var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
                    process.Refresh();
                    var micros = (process.TotalProcessorTime - cpu).TotalMicroseconds / calls;
                    results[name].Add((micros, (double)allocated / calls));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round}, {name}: {micros:F1} µs CPU, {allocated / calls:N0} B allocated per call"));
                }
            }

            Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
            if (args.Contains("--alloc-types"))
            {
                foreach (var (name, run) in clients)
                {
                    using var sampler = new AllocationSampler { Recording = true };
                    await run(calls);
                    sampler.Recording = false;
                    Console.WriteLine($"{name}, sampled allocations by type (bytes per call):");
                    foreach (var (type, sampled) in sampler.Top(15))
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sampled / calls,8:N0}  {type}"));
                    }
                }
            }

            foreach (var (name, figures) in results)
            {
                var cpu = figures.Select(f => f.Micros).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: median {cpu[cpu.Count / 2]:F1} µs CPU (min {cpu[0]:F1}, max {cpu[^1]:F1}), {figures.Average(f => f.Bytes):N0} B per call"));
            }

            return 0;
        }
        finally
        {
            server?.Kill();
            server?.Dispose();
        }
    }

    // The client the outbox uses (one attempt, the outbox retries).
    private static ISlackWebApi SingleAttempt(SlackWebApiClientFactory factory) => factory.Create(Token, SlackCallPolicy.SingleAttempt);

    // Half the calls each: the nudge's ephemeral and the Home tab (or the ephemeral again, with no Home tab).
    private static async Task Calls(ISlackWebApi api, PostEphemeralRequest ephemeral, PublishViewRequest? home, int count)
    {
        for (var i = 0; i < count; i += 2)
        {
            await api.PostEphemeralAsync(ephemeral);
            if (home is null)
            {
                await api.PostEphemeralAsync(ephemeral);
            }
            else
            {
                await api.PublishViewAsync(home);
            }
        }
    }

    /// <summary>The service's registration of the Web API client and its metrics handler, at its default log levels.</summary>
    private static ServiceProvider Services(string baseUrl, bool metrics)
    {
        // The service's own appsettings.json (copied beside this build from the project reference): its log levels.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:ApiBaseUrl"] = baseUrl,
                ["Slack:BotToken"] = Token,
                ["Metrics:Enabled"] = metrics ? "true" : "false",
            }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        services.AddSlackWebApi(configuration);
        services.AddObservability(configuration);
        WebApiStages.Register(services);
        return services.BuildServiceProvider();
    }

    private static PostEphemeralRequest Nudge()
    {
        var content = new NudgeContent(
            "A quick async tip about your last message",
            [new NudgeParagraph("vague-urgency", "*“asap” doesn't say by when.* A date and time lets people plan around it.")],
            "Vague urgency makes everyone drop what they are doing.");
        return NudgeBlocks.Build(content, 4_242).ToPostEphemeral("C0LOAD", "U0AUTHOR1", "1700000000.000100");
    }

    private static HomeView Home() => HomePage.Build(new HomePageModel(
        "U0AUTHOR1",
        new HomeHours("09:00-17:00 mon-fri", "Europe/Berlin", Own: true),
        new HomeNudgeState(false, null),
        [new RuleWeeks("vague-urgency", 0, 1, 1, 3), new RuleWeeks("missing-context", 4, 2, 2, 1), new RuleWeeks("bare-hello", 1, 0, 0, 2)],
        NormsDescription.Describe(TeamNorms.Default, defaultRetentionDays: 180)));

    /// <summary>The floor: one <see cref="HttpClient"/> on a bare handler, the bodies serialized once.</summary>
    private sealed class Floor(string baseUrl, PostEphemeralRequest ephemeral, PublishViewRequest? home)
    {
        private readonly HttpClient _http = Bare();
        private readonly Uri _ephemeralUri = new(baseUrl + "chat.postEphemeral");
        private readonly Uri _homeUri = new(baseUrl + (home is null ? "chat.postEphemeral" : "views.publish"));
        private readonly byte[] _ephemeral = JsonSerializer.SerializeToUtf8Bytes(ephemeral, SlackJsonContext.Default.PostEphemeralRequest);
        private readonly byte[] _home = home is null
            ? JsonSerializer.SerializeToUtf8Bytes(ephemeral, SlackJsonContext.Default.PostEphemeralRequest)
            : JsonSerializer.SerializeToUtf8Bytes(home, SlackJsonContext.Default.PublishViewRequest);

        public async Task RunAsync(int count)
        {
            for (var i = 0; i < count; i += 2)
            {
                await SendAsync(_ephemeralUri, _ephemeral);
                await SendAsync(_homeUri, _home);
            }
        }

        private static HttpClient Bare()
        {
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            return http;
        }

        private async Task SendAsync(Uri uri, byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var buffer = ArrayPool<byte>.Shared.Rent(512);
            await using var stream = await response.Content.ReadAsStreamAsync();
            while (await stream.ReadAsync(buffer) > 0)
            {
            }

            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Process StartFakeSlack(out string baseUrl)
    {
        var port = 5300 + Environment.ProcessId % 500;
        baseUrl = $"http://127.0.0.1:{port}/api/";
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WebApiCallProbe).Assembly.Location);
        }

        foreach (var argument in new[] { "fake-slack", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForAsync(string baseUrl)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await http.PostAsync(new Uri(baseUrl + "auth.test"), new StringContent(""));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"fake-slack did not answer at {baseUrl}");
    }
}
