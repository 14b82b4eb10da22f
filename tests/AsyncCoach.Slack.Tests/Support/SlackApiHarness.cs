using AsyncCoach.Slack.WebApi;
using AsyncCoach.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Slack.Tests.Support;

/// <summary>The real DI registration (<c>AddSlackWebApi</c>) pointed at a <see cref="FakeSlackApi"/>, on a fake clock.</summary>
internal sealed class SlackApiHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-0000-secret";
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private SlackApiHarness(FakeSlackApi slack, TimerRecordingTimeProvider time, ServiceProvider services)
    {
        Slack = slack;
        Time = time;
        _services = services;
    }

    public FakeSlackApi Slack { get; }

    public TimerRecordingTimeProvider Time { get; }

    public ISlackWebApi Api => _services.GetRequiredService<SlackWebApiClientFactory>().Create(BotToken);

    /// <summary>The outbox's client: one attempt, no retry pipeline.</summary>
    public ISlackWebApi SingleAttempt => _services.GetRequiredService<SlackWebApiClientFactory>().Create(BotToken, SlackCallPolicy.SingleAttempt);

    public IResponseUrlClient ResponseUrl => _services.GetRequiredService<IResponseUrlClient>();

    public FakeLogCollector Logs => _services.GetRequiredService<FakeLogCollector>();

    public static async Task<SlackApiHarness> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:BotToken"] = BotToken,
            ["Slack:AttemptTimeout"] = AttemptTimeout.ToString(),
            ["Slack:TotalRequestTimeout"] = "00:10:00",
            ["Slack:RetryBaseDelay"] = "00:00:01",
            ["Slack:MaxRetryAttempts"] = "4",
            ["Slack:MaxRetryAfter"] = "00:00:30",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new TimerRecordingTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging())
            .AddSlackWebApi(configuration)
            .BuildServiceProvider();
        return new SlackApiHarness(slack, time, services);
    }

    /// <summary>Waits until the client is waiting out a backoff (a timer shorter than the attempt timeout), then lets it pass.</summary>
    public async Task<TimeSpan> AdvancePastBackoffAsync()
    {
        var delay = await Time.NextTimerAsync(d => d < AttemptTimeout);
        Time.Advance(delay);
        return delay;
    }

    public async ValueTask DisposeAsync()
    {
        // Polly waits (on the pipeline's TimeProvider) for in-flight calls before disposing a
        // pipeline; a test that failed mid-retry leaves one waiting on the fake clock forever.
        Time.AutoAdvanceAmount = TimeSpan.FromMinutes(1);
        Time.Advance(TimeSpan.FromMinutes(1));
        await _services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
