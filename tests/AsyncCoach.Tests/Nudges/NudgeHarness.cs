using System.Text.Json.Nodes;
using AsyncCoach.Core.Model;
using AsyncCoach.Nudges;
using AsyncCoach.Pipeline;
using AsyncCoach.Tests.Fakes;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncCoach.Tests.Nudges;

/// <summary>The service in live mode against a fake Slack on 127.0.0.1, with an outbox probe.</summary>
public sealed class NudgeHarness : IAsyncDisposable
{
    public const string Team = "T0001";
    public const string Author = "U0AUTHOR1";
    public const string Channel = "C0CHAN001";

    /// <summary>Tuesday 10:00 UTC: inside working hours everywhere that matters here.</summary>
    public static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly List<AsyncCoachFactory> _factories = [];
    private readonly List<HttpClient> _clients = [];

    private NudgeHarness(FakeSlackApi slack) => Slack = slack;

    public FakeSlackApi Slack { get; }

    public NudgeProbe Attempts { get; private set; } = new();

    /// <summary>Findings after the nudging sink committed them (and their nudge).</summary>
    public FindingProbe Findings { get; private set; } = new();

    public AsyncCoachFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<NudgeHarness> StartAsync()
    {
        var slack = await FakeSlackApi.StartAsync();
        slack.SetDefault("conversations.members", FakeResponse.Ok(new JsonObject
        {
            ["members"] = new JsonArray("U0AUTHOR1", "U0OTHER01"),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
        }));
        return new NudgeHarness(slack);
    }

    /// <summary>Starts (or, with <paramref name="databasePath"/>, restarts) the service.</summary>
    public AsyncCoachFactory Start(
        DateTimeOffset? now = null, string? databasePath = null, bool withSender = true, Action<AsyncCoachFactory>? configure = null)
    {
        Attempts = new NudgeProbe();
        Findings = new FindingProbe();
        var probe = Attempts;
        var findings = Findings;
        var factory = new AsyncCoachFactory(databasePath, now ?? Tuesday)
            .With("Slack:BotToken", "xoxb-test-token")
            .With("Slack:ApiBaseUrl", Slack.ApiBaseUrl.ToString())
            .WithServices(services =>
            {
                services.AddSingleton<INudgeObserver>(probe);
                services.AddScoped<IFindingSink>(sp => findings.Wrap(ActivatorUtilities.CreateInstance<NudgingFindingSink>(sp)));
                if (!withSender)
                {
                    var sender = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender));
                    services.Remove(sender);
                }
            });
        configure?.Invoke(factory);
        _factories.Add(factory);
        Factory = factory;
        Client = factory.CreateRealClient();
        _clients.Add(Client);
        return factory;
    }

    /// <summary>Stops the current service (its database stays for a restart).</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        _clients.Remove(Client);
        await Factory.DisposeAsync();
    }

    public async Task<HttpResponseMessage> PostMessageAsync(
        string eventId, string text, string? ts = null, string? threadTs = null, string user = Author, string channel = Channel)
    {
        var body = Payloads.MessageEvent(eventId, text: text, channel: channel, user: user,
            ts: ts ?? MessageTs.FromInstant(Factory.Time.GetUtcNow()).Value, threadTs: threadTs, team: Team);
        var response = await Client.SendAsync(Factory.SignedRequest("/slack/events", body));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return response;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        _factories.LastOrDefault()?.DeleteDatabase();
        await Slack.DisposeAsync();
    }
}
