using System.Text.Json;

namespace AsyncCoach.Interactivity;

/// <summary>Handles a verified interaction payload (buttons, modals).</summary>
public interface IInteractionHandler
{
    Task<InteractionOutcome> HandleAsync(string type, JsonElement payload, CancellationToken cancellationToken);
}

/// <summary><see cref="Error"/> set means the payload was not acceptable: a 400 with that reason.</summary>
public sealed record InteractionOutcome(string? Error)
{
    public static InteractionOutcome Ok { get; } = new((string?)null);
}
