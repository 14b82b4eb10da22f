using System.Text.Json;
using AsyncCoach.Acceptance;
using AsyncCoach.Slack.Commands;
using AsyncCoach.Slack.SocketMode;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into its acknowledgement, through the same acceptors as HTTP:
/// an <c>events_api</c> envelope is acknowledged only once durable in the inbox; a slash command
/// or an interaction with its answer as the ack's payload. Returns null when the envelope must not
/// be acknowledged (the inbox failed), so Slack sends it again. Envelopes that can never be
/// accepted (malformed, no team, an unknown type) are logged, without their content, and
/// acknowledged, so Slack does not send them again and again.
/// </summary>
public sealed partial class SocketEnvelopeHandler(
    EventAcceptor events, CommandAcceptor commands, IServiceScopeFactory scopes, ILogger<SocketEnvelopeHandler> logger)
{
    public async Task<byte[]?> HandleAsync(SocketModeFrame envelope, CancellationToken cancellationToken)
    {
        var id = envelope.EnvelopeId!;
        if (envelope.Payload is not { } payload)
        {
            Log.Rejected(logger, envelope.Type, id, "no payload object");
            return SocketModeAck.Write(id);
        }

        switch (envelope.Type)
        {
            case SocketModeFrame.EventsApi:
                return await AcceptEventAsync(envelope, id, payload, cancellationToken);

            case SocketModeFrame.SlashCommands:
                return await AcceptCommandAsync(envelope, id, payload, cancellationToken);

            case SocketModeFrame.Interactive:
                return await AcceptInteractionAsync(envelope, id, payload, cancellationToken);

            default:
                Log.UnknownType(logger, envelope.Type, id);
                return SocketModeAck.Write(id);
        }
    }

    private async Task<byte[]?> AcceptEventAsync(SocketModeFrame envelope, string id, byte[] payload, CancellationToken cancellationToken)
    {
        var result = await events.AcceptAsync(payload, cancellationToken);
        switch (result.Kind)
        {
            case EventAcceptanceKind.Unavailable:
                Log.NotStored(logger, id);
                return null;
            case EventAcceptanceKind.Rejected:
                Log.Rejected(logger, envelope.Type, id, WithoutContent(result.Detail ?? ""));
                break;
            case EventAcceptanceKind.Accepted when envelope.RetryAttempt > 0:
                // Stored again; the inbox processor records each event_id once and skips this one.
                Log.Redelivered(logger, id, envelope.RetryAttempt.Value);
                break;
        }

        return SocketModeAck.Write(id);
    }

    private async Task<byte[]?> AcceptCommandAsync(SocketModeFrame envelope, string id, byte[] payload, CancellationToken cancellationToken)
    {
        SlashCommand? command;
        string? missing;
        try
        {
            command = SlashCommandReader.ReadJson(payload, out missing);
        }
        catch (FormatException ex)
        {
            Log.Rejected(logger, envelope.Type, id, ex.Message);
            return SocketModeAck.Write(id);
        }

        if (command is null)
        {
            Log.Rejected(logger, envelope.Type, id, $"missing field: {missing}");
            return SocketModeAck.Write(id);
        }

        var reply = (await commands.AcceptAsync(command, cancellationToken)).Reply;
        return reply is not null && envelope.AcceptsResponsePayload
            ? SocketModeAck.Write(id, JsonSerializer.SerializeToUtf8Bytes(reply.ToMessage(), SlackJsonContext.Default.ResponseUrlMessage))
            : SocketModeAck.Write(id);
    }

    private async Task<byte[]?> AcceptInteractionAsync(SocketModeFrame envelope, string id, byte[] payload, CancellationToken cancellationToken)
    {
        // Interaction handlers are scoped, as they are per HTTP request.
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<InteractionAcceptor>().AcceptAsync(payload, cancellationToken);
        if (outcome.Error is { } error)
        {
            Log.Rejected(logger, envelope.Type, id, error);
            return SocketModeAck.Write(id);
        }

        return outcome.Response is { } answer && envelope.AcceptsResponsePayload
            ? SocketModeAck.Write(id, answer.Json)
            : SocketModeAck.Write(id);
    }

    /// <summary>A JSON parser's message may quote a character of the payload; the log keeps only what kind of failure it was.</summary>
    private static string WithoutContent(string reason) =>
        reason.StartsWith("malformed JSON", StringComparison.Ordinal) ? "malformed JSON" : reason;

    private static partial class Log
    {
        [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Socket Mode envelope {EnvelopeId} ({Type}) was not acceptable and is acknowledged without effect: {Reason}")]
        public static partial void Rejected(ILogger logger, string type, string envelopeId, string reason);

        [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Socket Mode envelope {EnvelopeId} has a type AsyncCoach does not know, {Type}; acknowledged and ignored")]
        public static partial void UnknownType(ILogger logger, string type, string envelopeId);

        [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} could not be stored; it is not acknowledged, so Slack sends it again")]
        public static partial void NotStored(ILogger logger, string envelopeId);

        [LoggerMessage(EventId = 2113, Level = LogLevel.Debug, Message = "Socket Mode envelope {EnvelopeId} is a redelivery (retry_attempt {RetryAttempt}); the inbox processes its event once")]
        public static partial void Redelivered(ILogger logger, string envelopeId, int retryAttempt);
    }
}
