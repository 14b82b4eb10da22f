using System.Net.Http.Json;
using System.Text.Json;

namespace AsyncCoach.Slack.WebApi;

/// <summary>Posts to a slash command's or interaction's <c>response_url</c>.</summary>
public interface IResponseUrlClient
{
    /// <summary>
    /// POSTs <paramref name="message"/> as JSON. Throws <see cref="SlackApiException"/> with
    /// method <c>response_url</c> when Slack refuses it (e.g. <c>expired_url</c>, <c>used_url</c>).
    /// </summary>
    Task PostAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// A separate typed client without the bot token (the URL is the credential) and without
/// HttpClientFactory's request logging, because logging the URL would leak it.
/// </summary>
public sealed class ResponseUrlClient(HttpClient http) : IResponseUrlClient
{
    private const string Method = "response_url";

    public async Task PostAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default)
    {
        if (!responseUrl.IsAbsoluteUri || (responseUrl.Scheme != Uri.UriSchemeHttps && responseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("A response_url must be an absolute http(s) URL.", nameof(responseUrl));
        }

        using var content = JsonContent.Create(message, SlackJsonContext.Default.ResponseUrlMessage);
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = content };
        using var response = await SlackWebApiClient.SendWithinRetriesAsync(http, Method, request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = ReadError(body);
        if (response.IsSuccessStatusCode && error is null)
        {
            return;
        }

        throw new SlackApiException(Method, error ?? $"http_{(int)response.StatusCode}") { StatusCode = response.StatusCode };
    }

    // Slack answers "ok", {"ok":true}, or on failure {"ok":false,"error":"…"} or a bare code such as "expired_url".
    private static string? ReadError(string body)
    {
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackErrorResponse);
                return parsed is { Ok: false } ? parsed.Error ?? SlackErrorCodes.InvalidResponse : null;
            }
            catch (JsonException)
            {
                return SlackErrorCodes.InvalidResponse;
            }
        }

        return text is "" or "ok" ? null
            : text.Length <= 64 && text.All(c => char.IsAsciiLetterLower(c) || c == '_') ? text : null;
    }
}
