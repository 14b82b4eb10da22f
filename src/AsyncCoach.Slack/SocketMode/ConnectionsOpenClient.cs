using System.Net.Http.Headers;
using System.Text.Json;
using AsyncCoach.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c> (slack-platform.md §7, §8): POST with the app-level token
/// (<c>xapp-…</c>) as Bearer, to <c>Slack:ApiBaseUrl</c>. Each URL it returns is good for one
/// connection, so it is called for every (re)connect. Retries are the caller's (its reconnect backoff).
/// </summary>
public sealed class ConnectionsOpenClient(HttpClient http, IOptions<SlackOptions> options)
{
    public const string Method = "apps.connections.open";

    /// <exception cref="SlackApiException">Slack refused (<c>invalid_auth</c>, …), or the answer was unusable. Never carries the token.</exception>
    /// <exception cref="HttpRequestException">Slack could not be reached.</exception>
    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var slack = options.Value;
        var baseUrl = slack.ApiBaseUrl.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), Method))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", slack.AppToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(Method, $"http_{(int)response.StatusCode}");
        }

        ConnectionsOpenResponse? answer;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            answer = await JsonSerializer.DeserializeAsync(body, SocketModeJsonContext.Default.ConnectionsOpenResponse, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new SlackApiException(Method, SlackErrorCodes.InvalidResponse, "not JSON", ex);
        }

        if (answer is not { Ok: true })
        {
            throw new SlackApiException(Method, answer?.Error ?? SlackErrorCodes.InvalidResponse);
        }

        return Uri.TryCreate(answer.Url, UriKind.Absolute, out var url) && url.Scheme is "wss" or "ws"
            ? url
            : throw new SlackApiException(Method, SlackErrorCodes.InvalidResponse, "no ws(s) url");
    }
}
