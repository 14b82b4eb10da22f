using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Interactivity;

/// <summary>
/// Routes the Slack layer's typed interaction payloads: each action of a <see cref="BlockActionsPayload"/>
/// goes to the handler whose prefix its <c>action_id</c> carries. Payload types we do not use are acknowledged and ignored; an
/// action nobody handles is a 400 with the action id, so a stale or forged button is visible.
/// A <c>view_submission</c> goes to the handler whose prefix its view's <c>callback_id</c> carries,
/// and its outcome (which may carry a response body) is the answer.
/// </summary>
public sealed partial class InteractionRouter(
    IEnumerable<IBlockActionHandler> handlers, IEnumerable<IViewSubmissionHandler> submissions, ILogger<InteractionRouter> logger) : IInteractionHandler
{
    private readonly IBlockActionHandler[] _handlers = [.. handlers];
    private readonly IViewSubmissionHandler[] _submissions = [.. submissions];

    public Task<InteractionOutcome> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        switch (payload)
        {
            case BlockActionsPayload actions:
                return ActAsync(actions, cancellationToken);
            case ViewSubmissionPayload submission:
                return SubmitAsync(submission, cancellationToken);
            default:
                Log.Ignored(logger, payload.Type);
                return Task.FromResult(InteractionOutcome.Ok);
        }
    }

    private async Task<InteractionOutcome> ActAsync(BlockActionsPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Actions.Count == 0)
        {
            return new InteractionOutcome("block_actions payload has no actions");
        }

        foreach (var action in payload.Actions)
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

            var outcome = await handler.HandleAsync(payload, action, cancellationToken);
            if (outcome.Error is not null)
            {
                return outcome;
            }
        }

        return InteractionOutcome.Ok;
    }

    private Task<InteractionOutcome> SubmitAsync(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        if (submission.View?.CallbackId is not { } callbackId)
        {
            return Task.FromResult(new InteractionOutcome("view_submission payload has no view.callback_id"));
        }

        var handler = Array.Find(_submissions, h => callbackId.StartsWith(h.Prefix, StringComparison.Ordinal));
        return handler is null
            ? Task.FromResult(new InteractionOutcome($"unknown callback_id: {callbackId}"))
            : handler.HandleAsync(submission, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Acknowledged an interaction of type {Type} that AsyncCoach does not use")]
        public static partial void Ignored(ILogger logger, string type);
    }
}
