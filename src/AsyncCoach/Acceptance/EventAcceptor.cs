using System.Text.Json;
using AsyncCoach.Inbox;
using AsyncCoach.Observability;
using AsyncCoach.Slack.Events;

namespace AsyncCoach.Acceptance;

/// <summary>
/// Accepts an Events API body, whichever transport brought it (the HTTP request body, or the
/// <c>payload</c> of a Socket Mode <c>events_api</c> envelope): answers <c>url_verification</c>,
/// and writes each <c>event_callback</c> to the durable inbox before it may be acknowledged.
/// The work happens later, in the inbox processor.
/// </summary>
public sealed partial class EventAcceptor(InboxWriter inbox, TimeProvider time, AsyncCoachMetrics metrics, ILogger<EventAcceptor> logger)
{
    /// <summary>The longest id or type name accepted; Slack's are far shorter.</summary>
    public const int MaxIdLength = 255;

    /// <param name="body">The event body; kept as it is in the inbox, so not to be reused by the caller.</param>
    /// <param name="cancellationToken">Stops waiting for the inbox write (the event may still be written).</param>
    public async ValueTask<EventAcceptance> AcceptAsync(byte[] body, CancellationToken cancellationToken)
    {
        metrics.EventReceived();
        // Only the head is read here; the processor reads the whole envelope.
        EventEnvelopeHead? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackEventsJsonContext.Default.EventEnvelopeHead);
        }
        catch (JsonException ex)
        {
            return Rejected($"malformed JSON: {ex.Message}");
        }

        switch (envelope?.Type)
        {
            case null when envelope is null:
                return Rejected("the body must be a JSON object");

            case null:
                return Rejected("missing field: type");

            case EventEnvelope.UrlVerification:
                return string.IsNullOrEmpty(envelope.Challenge)
                    ? Rejected("url_verification without a challenge")
                    : new EventAcceptance(EventAcceptanceKind.Challenge, envelope.Challenge);

            case EventEnvelope.EventCallback:
                return await StoreAsync(envelope, body, cancellationToken);

            default:
                Log.Ignored(logger, envelope.Type);
                return new EventAcceptance(EventAcceptanceKind.Ignored);
        }
    }

    private async ValueTask<EventAcceptance> StoreAsync(EventEnvelopeHead envelope, byte[] body, CancellationToken cancellationToken)
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
            return Rejected($"event_callback without {missing}");
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
            return Rejected($"{overlong} is longer than {MaxIdLength} characters");
        }

        var entry = new InboxEntry(envelope.EventId!, envelope.TeamId!, slackEvent.Channel, slackEvent.Type!, time.GetUtcNow(), body);
        using var activity = metrics.Tracing.StartAccept(entry.EventId, entry.EventType);
        try
        {
            // A Slack retry of an event already here is written again and acknowledged; the
            // processor records each event_id once and skips the rest.
            await inbox.AddAsync(entry, cancellationToken);
            inbox.StampResumed();
            metrics.EventAcknowledged();
            return EventAcceptance.Accepted;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // Not stored, so not acknowledged: Slack retries it.
            metrics.EventRejected("unavailable");
            return new EventAcceptance(EventAcceptanceKind.Unavailable, "the inbox is unavailable; retry later");
        }
    }

    // Counted where it is decided, not by wrapping AcceptAsync: a second async layer would cost an allocation per event.
    private EventAcceptance Rejected(string detail)
    {
        metrics.EventRejected("bad_body");
        return EventAcceptance.Rejected(detail);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "Acknowledged and ignored an envelope of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);
    }
}
