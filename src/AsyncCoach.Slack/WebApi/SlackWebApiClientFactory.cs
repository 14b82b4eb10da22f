using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// Makes <see cref="SlackWebApiClient"/>s bound to one token, over a named HttpClient: with the
/// Slack retry pipeline (<see cref="HttpClientName"/>) or without (<see cref="SingleAttemptClientName"/>).
/// The host decides which token a team gets (<see cref="ISlackClientFactory"/>); this only sends.
/// Clients are cheap: the handlers are pooled by HttpClientFactory. A single-attempt client sends
/// through the named client's handlers without an <see cref="HttpClient"/> around them.
/// </summary>
public sealed class SlackWebApiClientFactory(
    IHttpClientFactory httpClients, IHttpMessageHandlerFactory handlers, IOptions<SlackOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    /// <summary>The named HttpClient of <see cref="SlackCallPolicy.Retrying"/> calls (the resilience pipeline).</summary>
    public const string HttpClientName = "slack-web-api";

    /// <summary>The named HttpClient of <see cref="SlackCallPolicy.SingleAttempt"/> calls: no pipeline, the client's own deadline.</summary>
    public const string SingleAttemptClientName = "slack-web-api-single";

    private readonly ILogger<SlackWebApiClient> _logger = loggers.CreateLogger<SlackWebApiClient>();
    private readonly SlackMethodUris _uris = new(SlackMethodUris.Normalize(options.Value.ApiBaseUrl));

    /// <summary>A client that sends <paramref name="token"/> as <c>Authorization: Bearer</c> (none when null).</summary>
    public ISlackWebApi Create(string? token, SlackCallPolicy policy = SlackCallPolicy.Retrying) => policy == SlackCallPolicy.SingleAttempt
        ? new SlackWebApiClient(new HttpMessageInvoker(handlers.CreateHandler(SingleAttemptClientName), disposeHandler: false), token, _uris, options.Value.AttemptTimeout, time, _logger)
        : new SlackWebApiClient(httpClients.CreateClient(HttpClientName), token, _uris, null, time, _logger);

    /// <summary>A client for the app-level calls (<c>oauth.v2.access</c>), which carry no workspace token.</summary>
    public ISlackOAuthApi CreateOAuth() =>
        new SlackWebApiClient(httpClients.CreateClient(HttpClientName), null, _uris, null, time, _logger);
}
