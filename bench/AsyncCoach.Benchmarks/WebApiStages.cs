using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using AsyncCoach.Observability;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// The outbox's Web API call built up one stage at a time (<c>webapi-cpu --client stages</c>), so
/// the difference between the bare handler (<c>floor</c>) and the client as the service builds it
/// (<c>single</c>) can be put on each stage: <c>s1-handler</c> the service's
/// <see cref="SocketsHttpHandler"/> (no redirect, cookie or trace-header stage) under a plain
/// <see cref="HttpClient"/>; <c>s2-factory</c> the same from HttpClientFactory (its handler chain,
/// loggers removed); <c>s3-metrics</c> with <c>SlackCallMetricsHandler</c> (the counters, the
/// <c>slack.call</c> span when something samples it); <c>s4-json</c> the request's JSON built per
/// call and the answer parsed, as the client does. <c>single</c> adds the client's own work: the
/// call deadline on <see cref="TimeProvider"/>, its exception mapping and log check.
/// </summary>
internal sealed class WebApiStages(string baseUrl, PostEphemeralRequest ephemeral, PublishViewRequest? home, IHttpClientFactory factory)
{
    /// <summary>The named clients the stages use, registered beside the service's own.</summary>
    public const string FactoryClient = "stage-factory";
    public const string MetricsClient = "stage-metrics";

    private static readonly SlackJsonContext Json = SlackJsonContext.Default;

    private readonly Uri _ephemeralUri = new(baseUrl + "chat.postEphemeral");
    private readonly Uri _homeUri = new(baseUrl + (home is null ? "chat.postEphemeral" : "views.publish"));
    private readonly byte[] _ephemeral = JsonSerializer.SerializeToUtf8Bytes(ephemeral, Json.PostEphemeralRequest);
    private readonly byte[] _home = home is null
        ? JsonSerializer.SerializeToUtf8Bytes(ephemeral, Json.PostEphemeralRequest)
        : JsonSerializer.SerializeToUtf8Bytes(home, Json.PublishViewRequest);

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient(FactoryClient).ConfigurePrimaryHttpMessageHandler(SlackWebApiServiceCollectionExtensions.WebApiHandler).RemoveAllLoggers();
        services.AddHttpClient(MetricsClient).ConfigurePrimaryHttpMessageHandler(SlackWebApiServiceCollectionExtensions.WebApiHandler).RemoveAllLoggers()
            .AddHttpMessageHandler<SlackCallMetricsHandler>();
    }

    public IEnumerable<(string Name, Func<int, Task> Run)> Clients()
    {
        var handler = new HttpClient(SlackWebApiServiceCollectionExtensions.WebApiHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        yield return ("s1-handler", n => Prebuilt(handler, n));
        yield return ("s2-factory", n => Prebuilt(factory.CreateClient(FactoryClient), n));
        yield return ("s3-metrics", n => Prebuilt(factory.CreateClient(MetricsClient), n));
        yield return ("s4-json", n => Built(factory.CreateClient(MetricsClient), n));
    }

    // The bodies serialized once, the answers read and dropped: the transport alone.
    private async Task Prebuilt(HttpClient http, int count)
    {
        for (var i = 0; i < count; i += 2)
        {
            await SendAsync(http, _ephemeralUri, Body(_ephemeral), Drain);
            await SendAsync(http, _homeUri, Body(_home), Drain);
        }
    }

    // Each request's JSON built from its blocks and each answer parsed, as SlackWebApiClient does.
    private async Task Built(HttpClient http, int count)
    {
        for (var i = 0; i < count; i += 2)
        {
            await SendAsync(http, _ephemeralUri, PooledJsonContent.Create(ephemeral, Json.PostEphemeralRequest), ParseEphemeral);
            await (home is null
                ? SendAsync(http, _ephemeralUri, PooledJsonContent.Create(ephemeral, Json.PostEphemeralRequest), ParseEphemeral)
                : SendAsync(http, _homeUri, PooledJsonContent.Create(home, Json.PublishViewRequest), ParseHome));
        }
    }

    private static async Task<bool> Drain(HttpContent content)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(512);
        await using var stream = await content.ReadAsStreamAsync();
        while (await stream.ReadAsync(buffer) > 0)
        {
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return true;
    }

    private static Task<bool> ParseEphemeral(HttpContent content) => Ok(PooledResponseBody.ReadAsync(content, Json.PostEphemeralResponse, default));

    private static Task<bool> ParseHome(HttpContent content) => Ok(PooledResponseBody.ReadAsync(content, Json.PublishViewResponse, default));

    private static async Task<bool> Ok<T>(Task<T?> read)
        where T : SlackResponse => (await read)?.Ok ?? throw new InvalidOperationException("no answer");

    private static ByteArrayContent Body(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    private static async Task SendAsync(HttpClient http, Uri uri, HttpContent content, Func<HttpContent, Task<bool>> read)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer xoxb-fake-T0LOAD");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!await read(response.Content))
        {
            throw new InvalidOperationException("not ok");
        }
    }

    /// <summary>Samples every <c>AsyncCoach</c> activity, as an exporter would: the span's cost with tracing on.</summary>
    public static ActivityListener Tracing()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AsyncCoachTracing.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
