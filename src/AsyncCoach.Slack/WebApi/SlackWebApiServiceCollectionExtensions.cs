using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Slack.WebApi;

public static class SlackWebApiServiceCollectionExtensions
{
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Binds <see cref="SlackOptions"/> from <c>Slack</c> and registers <see cref="SlackWebApiClientFactory"/>
    /// (Web API clients bound to a token, over a named HttpClient) and <see cref="IResponseUrlClient"/>,
    /// both with the Slack retry pipeline. Which token a team's calls carry is the host's
    /// <see cref="ISlackClientFactory"/>.
    /// Uses the registered <see cref="TimeProvider"/> (adds <see cref="TimeProvider.System"/> if none).
    /// </summary>
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SlackWebApiClientFactory>();

        // HttpClientFactory's header log masks the message but keeps raw values in its
        // structured state, so a JSON log sink would write the bot token; the client logs
        // method, status and time itself instead.
        WebApiClient(services, SlackWebApiClientFactory.HttpClientName)
            .AddResilienceHandler("slack-web-api", (builder, context) => SlackResilience.Configure(builder, context, readSlackErrors: true));

        // The outbox's calls: one attempt, no pipeline (it retries, holds on 429 and expires rows).
        WebApiClient(services, SlackWebApiClientFactory.SingleAttemptClientName);

        services.AddHttpClient<IResponseUrlClient, ResponseUrlClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("slack-response-url", (builder, context) => SlackResilience.Configure(builder, context, readSlackErrors: false));

        return services;
    }

    private static IHttpClientBuilder WebApiClient(IServiceCollection services, string name) =>
        services.AddHttpClient(name, (provider, http) =>
            {
                http.BaseAddress = SlackMethodUris.Normalize(provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);

                // Timeouts are the pipeline's or the client's (on TimeProvider), not HttpClient's fixed 100 s.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(WebApiHandler)
            .RemoveAllLoggers();

    /// <summary>
    /// The Web API's connection handler. Clients are kept per token (one per team), so they keep
    /// their handler past the factory's rotation: connections are renewed here instead, to follow
    /// DNS changes. Slack's Web API answers every method itself (no redirects, no cookies), so the
    /// handler's redirect and cookie stages are left out, and so is the W3C trace header stage
    /// (Slack reads no <c>traceparent</c>; our own spans are <c>slack.call</c>): each is work per
    /// call. A proxy from the environment (<c>HTTPS_PROXY</c>) is still honoured.
    /// </summary>
    internal static SocketsHttpHandler WebApiHandler() => new()
    {
        PooledConnectionLifetime = PooledConnectionLifetime,
        AllowAutoRedirect = false,
        UseCookies = false,
        ActivityHeadersPropagator = null,
    };
}
