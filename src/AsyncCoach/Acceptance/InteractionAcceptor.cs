using AsyncCoach.Installations;
using AsyncCoach.Interactivity;
using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Acceptance;

/// <summary>
/// Accepts an interaction payload, whichever transport brought it (the <c>payload</c> form field
/// over HTTP, the envelope's <c>payload</c> object over Socket Mode): reads it into the Slack
/// layer's typed payload (<see cref="InteractivityPayloadReader"/>; a bad one is an outcome with
/// the reason) and hands it to <see cref="IInteractionHandler"/>. The outcome's response body, if
/// any, goes back in the acknowledgement. Scoped, like the handlers it calls. A click from a
/// workspace of an org-wide install links that workspace to its organisation first (<see cref="OrgTeams"/>).
/// </summary>
public sealed partial class InteractionAcceptor(IInteractionHandler handler, OrgTeams orgs, ILogger<InteractionAcceptor> logger)
{
    /// <summary>Reads and handles one payload (UTF-8 JSON).</summary>
    public async Task<InteractionOutcome> AcceptAsync(ReadOnlyMemory<byte> payloadJson, CancellationToken cancellationToken)
    {
        InteractionPayload payload;
        try
        {
            payload = InteractivityPayloadReader.Read(payloadJson.Span);
        }
        catch (FormatException ex)
        {
            return new InteractionOutcome(ex.Message);
        }

        await LinkOrgAsync(payload, cancellationToken);
        return await handler.HandleAsync(payload, cancellationToken);
    }

    private async Task LinkOrgAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (!payload.IsEnterpriseInstall)
        {
            return;
        }

        var team = payload.TeamId;
        try
        {
            await orgs.LinkIfOrgWideAsync(team, payload.EnterpriseId, isEnterpriseInstall: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LinkFailed(logger, team ?? "(none)", ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "Could not link workspace {TeamId} to its org-wide install before an interaction")]
        public static partial void LinkFailed(ILogger logger, string teamId, Exception exception);
    }
}
