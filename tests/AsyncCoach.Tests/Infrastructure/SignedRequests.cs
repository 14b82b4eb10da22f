using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AsyncCoach.Slack.Signing;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>A request as Slack sends it: the body signed with the app's secret at a given moment.</summary>
public static class SignedRequests
{
    public static HttpRequestMessage Create(string path, string body, string contentType, string secret, DateTimeOffset at)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", new SlackSignatureVerifier(secret, TimeProvider.System).Sign(timestamp, bytes));
        return request;
    }
}
