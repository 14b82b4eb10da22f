using AsyncCoach.Storage;

namespace AsyncCoach.Commands;

/// <summary><c>/async optout</c> and <c>/async optin</c>: whether AsyncCoach nudges this person at all.</summary>
public sealed class OptOutSubcommand(IPersonSettingsStore settings)
{
    public async Task<CommandReply> HandleAsync(string teamId, string userId, bool optOut, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(teamId, userId, cancellationToken);
        await settings.SaveAsync(teamId, current with { OptedOut = optOut }, cancellationToken);
        return CommandReply.Ephemeral(optOut
            ? "You're opted out: AsyncCoach won't nudge you. `/async optin` brings the nudges back."
            : "You're opted in: AsyncCoach will nudge you privately again. `/async optout` stops it.");
    }
}
