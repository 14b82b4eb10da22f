using System.Text.Json;
using AsyncCoach.Interactivity;

namespace AsyncCoach.Acceptance;

/// <summary>
/// Accepts an interaction payload, whichever transport brought it (the <c>payload</c> form field
/// over HTTP, the envelope's <c>payload</c> object over Socket Mode): checks its <c>type</c> and
/// hands it to <see cref="IInteractionHandler"/>. The outcome's response body, if any, goes back
/// in the acknowledgement. Scoped, like the handlers it calls.
/// </summary>
public sealed class InteractionAcceptor(IInteractionHandler handler)
{
    public Task<InteractionOutcome> AcceptAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return Task.FromResult(new InteractionOutcome("payload has no type"));
        }

        return handler.HandleAsync(type.GetString()!, payload, cancellationToken);
    }
}
