using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Interactivity;

/// <summary>
/// Handles the <c>view_submission</c> of the modals whose <c>callback_id</c> starts with
/// <see cref="Prefix"/>. Answer <see cref="InteractionOutcome.Ok"/> to close the modal, or
/// <see cref="InteractionOutcome.Respond"/> with
/// <see cref="InteractionResponse.Errors"/> to keep it open with messages.
/// Registered in DI; one per feature.
/// </summary>
public interface IViewSubmissionHandler
{
    string Prefix { get; }

    Task<InteractionOutcome> HandleAsync(ViewSubmissionPayload submission, CancellationToken cancellationToken);
}
