using System.Text.Json;

namespace AsyncCoach.Interactivity;

/// <summary>Acknowledges interactions without acting on them; replaced once nudges have buttons.</summary>
public sealed class IgnoringInteractionHandler : IInteractionHandler
{
    public Task<InteractionOutcome> HandleAsync(string type, JsonElement payload, CancellationToken cancellationToken) =>
        Task.FromResult(InteractionOutcome.Ok);
}
