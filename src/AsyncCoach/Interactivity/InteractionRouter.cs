using System.Text.Json;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Interactivity;

/// <summary>
/// Routes interaction payloads: a <c>block_actions</c> payload is read once into the Slack layer's
/// typed <see cref="BlockActionsPayload"/>, and each action goes to the handler whose prefix
/// its <c>action_id</c> carries. Payload types we do not use are acknowledged and ignored; an
/// action nobody handles is a 400 with the action id, so a stale or forged button is visible.
/// A <c>view_submission</c> goes to the handler whose prefix its view's <c>callback_id</c> carries,
/// and its outcome (which may carry a response body) is the answer.
/// </summary>
public sealed partial class InteractionRouter(
    IEnumerable<IBlockActionHandler> handlers, IEnumerable<IViewSubmissionHandler> submissions, ILogger<InteractionRouter> logger) : IInteractionHandler
{
    private readonly IBlockActionHandler[] _handlers = [.. handlers];
    private readonly IViewSubmissionHandler[] _submissions = [.. submissions];

    public async Task<InteractionOutcome> HandleAsync(string type, JsonElement payload, CancellationToken cancellationToken)
    {
        if (type == "view_submission")
        {
            return await SubmitAsync(payload, cancellationToken);
        }

        if (type != "block_actions")
        {
            Log.Ignored(logger, type);
            return InteractionOutcome.Ok;
        }

        BlockActionsPayload? typed;
        try
        {
            typed = payload.Deserialize(SlackJsonContext.Default.BlockActionsPayload);
        }
        catch (JsonException)
        {
            return new InteractionOutcome("block_actions payload does not have the documented shape");
        }

        if (typed is not { Actions.Count: > 0 })
        {
            return new InteractionOutcome("block_actions payload has no actions");
        }

        foreach (var action in typed.Actions)
        {
            if (string.IsNullOrEmpty(action.ActionId))
            {
                return new InteractionOutcome("an action has no action_id");
            }

            var handler = Array.Find(_handlers, h => action.ActionId.StartsWith(h.Prefix, StringComparison.Ordinal));
            if (handler is null)
            {
                return new InteractionOutcome($"unknown action_id: {action.ActionId}");
            }

            var outcome = await handler.HandleAsync(typed, action, cancellationToken);
            if (outcome.Error is not null)
            {
                return outcome;
            }
        }

        return InteractionOutcome.Ok;
    }

    private Task<InteractionOutcome> SubmitAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var callbackId = payload.TryGetProperty("view", out var view) && view.ValueKind == JsonValueKind.Object
            && view.TryGetProperty("callback_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : null;
        if (callbackId is null)
        {
            return Task.FromResult(new InteractionOutcome("view_submission payload has no view.callback_id"));
        }

        var handler = Array.Find(_submissions, h => callbackId.StartsWith(h.Prefix, StringComparison.Ordinal));
        return handler is null
            ? Task.FromResult(new InteractionOutcome($"unknown callback_id: {callbackId}"))
            : handler.HandleAsync(payload, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Acknowledged an interaction of type {Type} that AsyncCoach does not use")]
        public static partial void Ignored(ILogger logger, string type);
    }
}
