using Microsoft.Extensions.Logging;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// Makes <see cref="SlackWebApiClient"/>s bound to one token, over the named HttpClient with the
/// Slack retry pipeline. The host decides which token a team gets (<see cref="ISlackClientFactory"/>);
/// this only sends. Clients are cheap: the handler and its pipeline are pooled by HttpClientFactory.
/// </summary>
public sealed class SlackWebApiClientFactory(
    IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggers)
{
    /// <summary>The named HttpClient all Web API calls go through.</summary>
    public const string HttpClientName = "slack-web-api";

    private readonly ILogger<SlackWebApiClient> _logger = loggers.CreateLogger<SlackWebApiClient>();

    /// <summary>A client that sends <paramref name="token"/> as <c>Authorization: Bearer</c> (none when null).</summary>
    public ISlackWebApi Create(string? token) =>
        new SlackWebApiClient(httpClients.CreateClient(HttpClientName), token, time, _logger);

    /// <summary>The bare HttpClient (base address and retries set), for calls that carry no bot token, such as <c>oauth.v2.access</c>.</summary>
    public HttpClient CreateHttpClient() => httpClients.CreateClient(HttpClientName);
}
