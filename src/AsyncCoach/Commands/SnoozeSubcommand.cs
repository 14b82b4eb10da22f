using AsyncCoach.Core.Norms;
using AsyncCoach.Storage;

namespace AsyncCoach.Commands;

/// <summary><c>/async snooze 2h | 1d | until 2026-12-01 | off</c>: no nudges for a while; without arguments, the current state.</summary>
public sealed class SnoozeSubcommand(IPersonSettingsStore settings, PersonZones zones, TimeProvider time)
{
    public async Task<CommandReply> HandleAsync(string teamId, string userId, string args, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(teamId, userId, cancellationToken);
        var zone = await zones.GetAsync(teamId, current, cancellationToken);
        var now = time.GetUtcNow();
        if (args.Length == 0)
        {
            return CommandReply.Ephemeral(current.SnoozeUntil is { } until && until > now
                ? $"Your nudges are snoozed until {PersonZones.Format(until, zone)}. `/async snooze off` ends it now."
                : $"Your nudges are not snoozed. Try: {SnoozeInputParser.Example}");
        }

        if (!SnoozeInputParser.TryParse(args, now, zone, out var resume, out var error))
        {
            return CommandReply.Ephemeral(error);
        }

        await settings.SaveAsync(teamId, current with { SnoozeUntil = resume }, cancellationToken);
        return CommandReply.Ephemeral(resume is { } at
            ? $"Snoozed: no nudges until {PersonZones.Format(at, zone)}. `/async snooze off` ends it early."
            : "Snooze is off: nudges are back on.");
    }
}
