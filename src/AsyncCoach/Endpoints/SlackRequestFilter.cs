using System.Buffers;
using AsyncCoach.Observability;
using AsyncCoach.Slack.Signing;
using AsyncCoach.Storage;
using Microsoft.Net.Http.Headers;

namespace AsyncCoach.Endpoints;

/// <summary>
/// Runs before every Slack endpoint, so no handler can skip it: checks the content type, reads the
/// raw body once (at most 1 MiB), and verifies Slack's signature over those exact bytes. Failures
/// answer with a one-line reason and nothing is stored. A request that arrives while the database
/// is still being migrated at start waits for it.
/// </summary>
public sealed partial class SlackRequestFilter(
    SlackSignatureVerifier verifier, DatabaseReadiness database, AsyncCoachMetrics metrics, ILogger<SlackRequestFilter> logger) : IEndpointFilter
{
    public const int MaxBodyBytes = 1024 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var kind = http.GetEndpoint()?.Metadata.GetMetadata<SlackBodyKind>() ?? SlackBodyKind.Json;
        if (!HasContentType(request, kind.ContentType))
        {
            CountRefused(kind, "unsupported_content_type");
            return Results.Text($"unsupported content type: expected {kind.ContentType}\n", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            CountRefused(kind, "too_large");
            return TooLarge();
        }

        var body = await ReadBodyAsync(request, http.RequestAborted);
        if (body is null)
        {
            CountRefused(kind, "too_large");
            return TooLarge();
        }

        var check = verifier.Verify(
            request.Headers["X-Slack-Request-Timestamp"].ToString(),
            request.Headers["X-Slack-Signature"].ToString(),
            body);
        if (check != SignatureCheck.Valid)
        {
            Log.Rejected(logger, request.Path, check);
            CountRefused(kind, check switch
            {
                SignatureCheck.StaleTimestamp => "stale_timestamp",
                SignatureCheck.MissingTimestamp or SignatureCheck.MissingSignature => "missing_signature",
                _ => "bad_signature",
            });
            return Results.Text(check.Reason() + "\n", statusCode: StatusCodes.Status401Unauthorized);
        }

        http.Features.Set(new SlackBody(body));
        if (!database.IsMigrated)
        {
            // Waits for the migration at start, unless the database did not answer it (PostgreSQL
            // down): then 503 at once, so Slack retries instead of waiting past its own timeout.
            await Task.WhenAny(database.Migrated, database.FirstUnreachable).WaitAsync(http.RequestAborted);
            if (!database.IsMigrated)
            {
                return Results.Text("the database is not reachable yet; retry later\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }

        return await next(context);
    }

    // Only the events endpoint's deliveries are counted (asynccoach.events.rejected); commands and clicks are not events.
    private void CountRefused(SlackBodyKind kind, string reason)
    {
        if (kind == SlackBodyKind.Json)
        {
            metrics.EventRefused(reason);
        }
    }

    private static IResult TooLarge() =>
        Results.Text($"request body is larger than {MaxBodyBytes} bytes\n", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static bool HasContentType(HttpRequest request, string expected) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the whole body, or returns null once it exceeds the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: {Check}")]
        public static partial void Rejected(ILogger logger, PathString path, SignatureCheck check);
    }
}
