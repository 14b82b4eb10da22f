using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Slack.WebApi;

public static class SlackWebApiServiceCollectionExtensions
{
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
        services.AddHttpClient(SlackWebApiClientFactory.HttpClientName, (provider, http) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl.ToString();

                // Relative method names resolve against the base only when it ends with '/'.
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // Timeouts are the pipeline's (on TimeProvider), not HttpClient's fixed 100 s.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // HttpClientFactory's header log masks the message but keeps raw values in its
            // structured state, so a JSON log sink would write the bot token; the client logs
            // method, status and time itself instead.
            .RemoveAllLoggers()
            .AddResilienceHandler("slack-web-api", (builder, context) => SlackResilience.Configure(builder, context, readSlackErrors: true));

        services.AddHttpClient<IResponseUrlClient, ResponseUrlClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("slack-response-url", (builder, context) => SlackResilience.Configure(builder, context, readSlackErrors: false));

        return services;
    }
}
