using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;
using AsyncCoach.Norms;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;

namespace AsyncCoach.Commands;

/// <summary><c>/async hours [range days zone | reset]</c>: a person's own working hours, which override the team's.</summary>
public sealed class HoursSubcommand(IPersonSettingsStore settings, INormsStore norms, IWorkspaceDirectory directory)
{
    public async Task<CommandReply> HandleAsync(string teamId, string userId, string args, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(teamId, userId, cancellationToken);
        if (args.Length == 0)
        {
            return CommandReply.Ephemeral(await DescribeAsync(teamId, current, cancellationToken));
        }

        if (args.Equals("reset", StringComparison.OrdinalIgnoreCase))
        {
            await settings.SaveAsync(teamId, current with { Hours = null, TimeZone = null }, cancellationToken);
            var team = await norms.GetAsync(teamId, cancellationToken);
            return CommandReply.Ephemeral($"Done: your own hours are cleared, so the team's apply ({WorkingHoursText.Format(team.WorkingHours)}, in your Slack time zone).");
        }

        if (!HoursInputParser.TryParse(args, out var input, out var error))
        {
            return CommandReply.Ephemeral(error);
        }

        await settings.SaveAsync(teamId, current with { Hours = input!.Hours, TimeZone = input.TimeZoneId ?? current.TimeZone }, cancellationToken);
        var zone = input.TimeZoneId ?? current.TimeZone;
        return CommandReply.Ephemeral(
            $"Saved: you work {WorkingHoursText.Format(input.Hours)}{(zone is null ? " in your Slack time zone" : $" ({zone})")}. AsyncCoach will tell people who ping you outside them. `/async hours reset` undoes it.");
    }

    private async Task<string> DescribeAsync(string teamId, PersonSettings current, CancellationToken cancellationToken)
    {
        if (current.Hours is { } own)
        {
            var zone = current.TimeZone ?? "your Slack time zone";
            return $"Your working hours: {WorkingHoursText.Format(own)} ({zone}). Change them with `{HoursInputParser.Example}`, or `/async hours reset`.";
        }

        var team = await norms.GetAsync(teamId, cancellationToken);
        var slackZone = (await directory.GetPersonAsync(new TeamId(teamId), new UserId(current.UserId), cancellationToken))?.TimeZoneId;
        var where = current.TimeZone ?? slackZone ?? "your Slack time zone";
        return $"You haven't set your own hours, so the team's apply: {WorkingHoursText.Format(team.WorkingHours)} ({where}). Set yours with `{HoursInputParser.Example}`.";
    }
}
