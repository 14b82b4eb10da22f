using System.Text.Json;
using AsyncCoach.Installations;
using AsyncCoach.Interactivity;

namespace AsyncCoach.Acceptance;

/// <summary>
/// Accepts an interaction payload, whichever transport brought it (the <c>payload</c> form field
/// over HTTP, the envelope's <c>payload</c> object over Socket Mode): checks its <c>type</c> and
/// hands it to <see cref="IInteractionHandler"/>. The outcome's response body, if any, goes back
/// in the acknowledgement. Scoped, like the handlers it calls. A click from a workspace of an
/// org-wide install links that workspace to its organisation first (<see cref="OrgTeams"/>).
/// </summary>
public sealed partial class InteractionAcceptor(IInteractionHandler handler, OrgTeams orgs, ILogger<InteractionAcceptor> logger)
{
    public async Task<InteractionOutcome> AcceptAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return new InteractionOutcome("payload has no type");
        }

        await LinkOrgAsync(payload, cancellationToken);
        return await handler.HandleAsync(type.GetString()!, payload, cancellationToken);
    }

    // block_actions and view_submission carry is_enterprise_install, enterprise.id, and the
    // workspace in team.id (null for org-wide installs) or user.team_id.
    private async Task LinkOrgAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (!payload.TryGetProperty("is_enterprise_install", out var flag) || flag.ValueKind != JsonValueKind.True)
        {
            return;
        }

        var team = Text(payload, "team", "id") ?? Text(payload, "user", "team_id");
        var org = Text(payload, "enterprise", "id") ?? Text(payload, "team", "enterprise_id");
        try
        {
            await orgs.LinkIfOrgWideAsync(team, org, isEnterpriseInstall: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LinkFailed(logger, team ?? "(none)", ex);
        }
    }

    private static string? Text(JsonElement payload, string objectName, string property) =>
        payload.TryGetProperty(objectName, out var value) && value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } found
            ? found
            : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "Could not link workspace {TeamId} to its org-wide install before an interaction")]
        public static partial void LinkFailed(ILogger logger, string teamId, Exception exception);
    }
}
