using AsyncCoach.Commands;
using AsyncCoach.Installations;
using AsyncCoach.Norms;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.AppHome;

/// <summary>Reads what one person's Home tab shows: their settings, the team's norms, their own findings.</summary>
public sealed class HomePageLoader(
    IPersonSettingsStore settings,
    INormsStore norms,
    IFindingStore findings,
    PersonZones zones,
    IDigestSettingsStore digests,
    IOptions<RetentionOptions> retention,
    TimeProvider time)
{
    public async Task<HomePageModel> LoadAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var person = await settings.GetAsync(teamId, userId, cancellationToken);
        var team = await norms.GetAsync(teamId, cancellationToken);
        var zone = await zones.GetAsync(teamId, person, cancellationToken);
        var hours = new HomeHours(WorkingHoursText.Format(person.Hours ?? team.WorkingHours), zone.Id, person.Hours is not null);
        var snoozed = person.SnoozeUntil is { } until && until > now ? PersonZones.Format(until, zone) : null;
        var weeks = await findings.WeeklyByRuleAsync(teamId, userId, now, cancellationToken);
        var lead = team.Leads.Contains(userId)
            ? new HomeLeadSection(DigestSubcommand.Describe(
                await digests.GetAsync(teamId, userId, cancellationToken) ?? DigestSetting.Default(teamId, userId, now), zone, now))
            : null;
        return new HomePageModel(userId, hours, new HomeNudgeState(person.OptedOut, snoozed), weeks, NormsDescription.Describe(team, retention.Value.DataDays)) { Lead = lead };
    }
}
