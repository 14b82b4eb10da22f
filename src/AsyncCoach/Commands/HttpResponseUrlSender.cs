namespace AsyncCoach.Commands;

/// <summary>
/// POSTs JSON to a <c>response_url</c>. No bot token: the URL is the credential, which is also why
/// the client is registered without HttpClientFactory's request logging (it would log the URL).
/// </summary>
public sealed class HttpResponseUrlSender(HttpClient http) : IResponseUrlSender
{
    public async Task PostAsync(Uri responseUrl, ResponseUrlPost message, CancellationToken cancellationToken)
    {
        if (!responseUrl.IsAbsoluteUri || responseUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("A response_url must be an absolute http(s) URL.", nameof(responseUrl));
        }

        using var content = JsonContent.Create(message, ResponseUrlPostJsonContext.Default.ResponseUrlPost);
        using var response = await http.PostAsync(responseUrl, content, cancellationToken);
        var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();

        // Slack answers "ok" or {"ok":true}; refusals are a bare code ("expired_url") or {"ok":false,...}.
        if (!response.IsSuccessStatusCode || body.Contains("\"ok\":false", StringComparison.Ordinal) || (body.Length > 0 && !body.StartsWith('{') && body != "ok"))
        {
            throw new HttpRequestException($"response_url refused the post: {(int)response.StatusCode} {(body.Length <= 64 ? body : body[..64])}");
        }
    }
}
