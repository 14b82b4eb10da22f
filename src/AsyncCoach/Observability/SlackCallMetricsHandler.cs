using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AsyncCoach.Observability;

/// <summary>
/// Inside the Slack client's retry pipeline, so it sees every attempt: counts it by method and
/// HTTP status, times it, records a 429's <c>Retry-After</c>, and (while traced) wraps it in a
/// <c>slack.call</c> activity. Knows nothing of the request body or its token.
/// </summary>
internal sealed class SlackCallMetricsHandler(AsyncCoachMetrics metrics, TimeProvider time) : DelegatingHandler
{
    // Method by URL: the Web API clients send to one cached URL per method (a bounded set), and
    // Uri.Segments makes an array and a string per segment on every call.
    private static readonly ConcurrentDictionary<Uri, string> Methods = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri is { } uri ? Methods.GetOrAdd(uri, static u => u.Segments[^1]) : "unknown";
        using var activity = AsyncCoachTracing.StartSlackCall(method);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfter(response) : null;
            metrics.SlackCall(method, status, Stopwatch.GetElapsedTime(started), retryAfter);
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            metrics.SlackCall(method, 0, Stopwatch.GetElapsedTime(started), null);
            throw;
        }
    }

    // Seconds or an HTTP date, as the client's retry policy reads it.
    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } header ? header.Delta ?? header.Date - time.GetUtcNow() : null;
}
