using AsyncCoach.Slack.Interactivity;

namespace AsyncCoach.Interactivity;

/// <summary>
/// Handles the <c>block_actions</c> whose <c>action_id</c> starts with <see cref="Prefix"/>
/// (for example <c>nudge:</c> or <c>classify:</c>), given the typed payload and the clicked
/// action. Registered in DI; one per feature.
/// </summary>
public interface IBlockActionHandler
{
    string Prefix { get; }

    Task<InteractionOutcome> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken);
}
