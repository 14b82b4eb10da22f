using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// The retry pipeline around every Slack HTTP call: total timeout → retry → per-attempt timeout,
/// all on the DI <see cref="TimeProvider"/> so tests drive the waits with a fake clock.
/// </summary>
/// <remarks>
/// Retried: 429 (waiting exactly <c>Retry-After</c>, https://api.slack.com/apis/rate-limits),
/// 408, 5xx, network errors and attempt timeouts (exponential backoff with jitter), and a 200
/// with a transient <c>ok:false</c> code (<see cref="SlackErrorCodes.IsTransient"/>).
/// Not retried: every other <c>ok:false</c>, and a 429 whose <c>Retry-After</c> exceeds
/// <see cref="SlackOptions.MaxRetryAfter"/> (the caller gets <c>ratelimited</c> + <c>RetryAfter</c>).
/// POSTs are retried too. A 429 means Slack did nothing, so that is safe; after a 5xx, a timeout,
/// <c>fatal_error</c> or <c>request_timeout</c> Slack may already have posted the message, so a
/// retried chat.postMessage can duplicate it. We accept that rare duplicate over a lost nudge.
/// </remarks>
internal static partial class SlackResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context, bool readSlackErrors)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackResilience).FullName ?? nameof(SlackResilience));
        builder.TimeProvider = time;

        builder
            .AddTimeout(options.TotalRequestTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, options, time, readSlackErrors, args.Context.CancellationToken),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? ReadRetryAfter(r, time) : null),
                OnRetry = args =>
                {
                    var method = readSlackErrors ? MethodName(args.Context.GetRequestMessage()) : "response_url";
                    var status = args.Outcome.Result is { } r ? (int)r.StatusCode : 0;
                    Log.Retrying(logger, method, status, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary><c>Retry-After</c> as seconds or an HTTP date; null when absent.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } d && d < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static async ValueTask<bool> ShouldRetryAsync(
        Outcome<HttpResponseMessage> outcome, SlackOptions options, TimeProvider time, bool readSlackErrors, CancellationToken cancellationToken)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
        {
            return ReadRetryAfter(limited, time) is not { } wait || wait <= options.MaxRetryAfter;
        }

        if (IsTransientHttp(outcome))
        {
            return true;
        }

        return readSlackErrors && outcome.Result is { StatusCode: HttpStatusCode.OK } ok
            && SlackErrorCodes.IsTransient(await PeekErrorAsync(ok, cancellationToken));
    }

    private static bool IsTransientHttp(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };

    /// <summary>Reads the top-level <c>error</c> of a buffered body without consuming it.</summary>
    private static async Task<string?> PeekErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var isError = reader.ValueTextEquals("error"u8);
                    reader.Read();
                    if (isError)
                    {
                        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a Slack error code either; the client reports it.
        }

        return null;
    }

    private static string MethodName(HttpRequestMessage? request) =>
        request?.RequestUri is { } uri ? uri.Segments[^1] : "unknown";

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
            Message = "Retrying Slack {Method} after HTTP {Status} {Exception}: attempt {Attempt} in {Delay}")]
        public static partial void Retrying(ILogger logger, string method, int status, string? exception, int attempt, TimeSpan delay);
    }
}
