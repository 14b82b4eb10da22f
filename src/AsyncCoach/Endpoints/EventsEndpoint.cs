using System.Text.Json;
using AsyncCoach.Inbox;
using AsyncCoach.Slack.Events;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Endpoints;

/// <summary>
/// <c>POST /slack/events</c>: answers Slack's URL verification, and writes each event_callback to
/// the durable inbox before acknowledging it. The work happens later, in the inbox processor.
/// </summary>
public static partial class EventsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, InboxWriter inbox, TimeProvider time, ILoggerFactory loggers)
    {
        var body = SlackBody.From(http).Bytes;
        // Only the head is read here; the processor reads the whole envelope.
        EventEnvelopeHead? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackEventsJsonContext.Default.EventEnvelopeHead);
        }
        catch (JsonException ex)
        {
            return BadRequest($"malformed JSON: {ex.Message}");
        }

        if (envelope is null)
        {
            return BadRequest("the body must be a JSON object");
        }

        switch (envelope.Type)
        {
            case EventEnvelope.UrlVerification:
                return string.IsNullOrEmpty(envelope.Challenge)
                    ? BadRequest("url_verification without a challenge")
                    : Results.Text(envelope.Challenge, "text/plain");

            case EventEnvelope.EventCallback:
                return await AcceptAsync(http, envelope, body, inbox, time, loggers);

            case null:
                return BadRequest("missing field: type");

            default:
                Log.Ignored(loggers.CreateLogger(typeof(EventsEndpoint)), envelope.Type);
                return Results.Ok();
        }
    }

    private static async Task<IResult> AcceptAsync(
        HttpContext http, EventEnvelopeHead envelope, byte[] body, InboxWriter inbox, TimeProvider time, ILoggerFactory loggers)
    {
        var missing = envelope switch
        {
            { EventId: null or "" } => "event_id",
            { TeamId: null or "" } => "team_id",
            { Event: null } => "event",
            { Event.Type: null or "" } => "event.type",
            _ => null,
        };
        if (missing is not null)
        {
            return BadRequest($"event_callback without {missing}");
        }

        var slackEvent = envelope.Event!;
        var entry = new InboxEntry(
            envelope.EventId!,
            envelope.TeamId!,
            slackEvent.Channel,
            slackEvent.Type!,
            time.GetUtcNow(),
            body);
        try
        {
            var result = await inbox.AddAsync(entry, http.RequestAborted);
            if (result == InboxAddResult.Duplicate)
            {
                Log.Duplicate(loggers.CreateLogger(typeof(EventsEndpoint)), http.Request.Headers["X-Slack-Retry-Num"].ToString());
            }

            return Results.Ok();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // Not stored, so not acknowledged: Slack retries it.
            return Results.Text("the inbox is unavailable; retry later\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult BadRequest(string reason) => Results.Text(reason + "\n", statusCode: StatusCodes.Status400BadRequest);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Acknowledged an event already in the inbox (retry {RetryNum})")]
        public static partial void Duplicate(ILogger logger, string retryNum);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "Acknowledged and ignored an envelope of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);
    }
}
