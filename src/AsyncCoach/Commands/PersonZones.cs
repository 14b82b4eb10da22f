using AsyncCoach.Core.Model;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;

namespace AsyncCoach.Commands;

/// <summary>
/// The zone a person's dates and times are read and shown in: the zone they set with
/// <c>/async hours</c>, else Slack's <c>tz</c> for them, else UTC (dry-run knows nobody's zone).
/// </summary>
public sealed class PersonZones(IWorkspaceDirectory directory)
{
    public async Task<TimeZoneInfo> GetAsync(string teamId, PersonSettings settings, CancellationToken cancellationToken)
    {
        var id = settings.TimeZone ?? (await directory.GetPersonAsync(new TeamId(teamId), new UserId(settings.UserId), cancellationToken))?.TimeZoneId;
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTime(instant, zone):yyyy-MM-dd HH:mm} ({zone.Id})";
}
