using System.Text.Json;
using AsyncCoach.Inbox;
using AsyncCoach.Slack.Events;

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
                return await AcceptAsync(http, envelope, body, inbox, time);

            case null:
                return BadRequest("missing field: type");

            default:
                Log.Ignored(loggers.CreateLogger(typeof(EventsEndpoint)), envelope.Type);
                return Results.Ok();
        }
    }

    private static async Task<IResult> AcceptAsync(
        HttpContext http, EventEnvelopeHead envelope, byte[] body, InboxWriter inbox, TimeProvider time)
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
        var overlong = (envelope, slackEvent) switch
        {
            ({ EventId.Length: > MaxIdLength }, _) => "event_id",
            ({ TeamId.Length: > MaxIdLength }, _) => "team_id",
            (_, { Type.Length: > MaxIdLength }) => "event.type",
            (_, { Channel.Length: > MaxIdLength }) => "event.channel",
            _ => null,
        };
        if (overlong is not null)
        {
            // Slack's ids and type names are a few dozen characters; the inbox journal keeps each in a short field.
            return BadRequest($"{overlong} is longer than {MaxIdLength} characters");
        }

        var entry = new InboxEntry(
            envelope.EventId!,
            envelope.TeamId!,
            slackEvent.Channel,
            slackEvent.Type!,
            time.GetUtcNow(),
            body);
        try
        {
            // A Slack retry of an event already here is written again and acknowledged; the
            // processor records each event_id once and skips the rest.
            await inbox.AddAsync(entry, http.RequestAborted);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // Not stored, so not acknowledged: Slack retries it.
            return Results.Text("the inbox is unavailable; retry later\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The longest id or type name accepted; Slack's are far shorter.</summary>
    internal const int MaxIdLength = 255;

    private static IResult BadRequest(string reason) => Results.Text(reason + "\n", statusCode: StatusCodes.Status400BadRequest);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "Acknowledged and ignored an envelope of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);
    }
}
