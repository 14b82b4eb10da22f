using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Interactivity;

/// <summary>Handles a verified interaction payload (buttons, modals), typed by the Slack layer.</summary>
public interface IInteractionHandler
{
    Task<InteractionOutcome> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="Error"/> set means the payload was not acceptable: a 400 with that reason (over
/// Socket Mode: logged, and acknowledged so Slack does not redeliver it). <see cref="Response"/>
/// set is the JSON Slack reads from the acknowledgement: the HTTP body, or the Socket Mode ack's
/// <c>payload</c> (for example a <c>view_submission</c>'s <c>response_action: errors</c>).
/// </summary>
public sealed record InteractionOutcome(string? Error)
{
    public static InteractionOutcome Ok { get; } = new((string?)null);

    public InteractionResponse? Response { get; init; }

    public static InteractionOutcome Respond(InteractionResponse response) => new((string?)null) { Response = response };
}
