using System.Text.Json;
using AsyncCoach.Core.Digests;
using AsyncCoach.Slack.BlockKit;
using AsyncCoach.Storage;

namespace AsyncCoach.Digests;

/// <summary>
/// The live path of a digest: the week's aggregates from SQL (<see cref="IDigestStore"/>) into
/// seam 3's <see cref="DigestInput"/>, built by <see cref="DigestBuilder"/> and rendered by
/// <see cref="DigestBlocks"/>. Only counts leave the database; nobody is named.
/// </summary>
public sealed class DigestComposer(IDigestStore store, IActivityStore activityStore, INormsStore norms)
{
    /// <summary>The digest of <paramref name="week"/> for the lead, as a Slack message.</summary>
    public async Task<SlackMessage> ComposeAsync(DigestSetting setting, TimeZoneInfo zone, DigestWeek week, bool late, CancellationToken cancellationToken) =>
        DigestBlocks.Build(DigestBuilder.Build(await InputAsync(setting, zone, week, late, cancellationToken)));

    /// <summary>This week so far (the week containing <paramref name="now"/>), for <c>/async digest preview</c>.</summary>
    public Task<SlackMessage> PreviewAsync(DigestSetting setting, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken) =>
        ComposeAsync(setting, zone, DigestWeek.Containing(now, zone), late: false, cancellationToken);

    /// <summary>The aggregates of <paramref name="week"/> and the three before it.</summary>
    public async Task<DigestInput> InputAsync(DigestSetting setting, TimeZoneInfo zone, DigestWeek week, bool late, CancellationToken cancellationToken)
    {
        var starts = new DateTimeOffset[DigestInput.TrendWeeks];
        for (var w = 0; w < starts.Length; w++)
        {
            starts[w] = w == 0 ? week.Start : week.Before(w, zone).Start;
        }

        var channels = setting.Channels is null ? null : JsonSerializer.Serialize(setting.Channels, StorageJsonContext.Default.IReadOnlyListString);
        var counts = await store.ReadAsync(setting.TeamId, setting.LeadId, starts, week.End, channels, cancellationToken);
        var team = await norms.GetAsync(setting.TeamId, cancellationToken);
        // The counters are per team, not per channel: a lead who narrowed to channels sees the whole team's activity.
        var activity = await activityStore.ReadAsync(
            setting.TeamId, setting.LeadId, ActivityPlacement.Weeks(week, starts[1]), ActivityClock.SlotBounds(week, zone),
            [(starts[0], week.End), (starts[1], starts[0])], cancellationToken);
        return new DigestInput
        {
            WeekStart = week.Start,
            WeekEnd = week.End,
            MinGroup = team.DigestMinGroup,
            DataSince = counts.DataSince,
            Late = late,
            Findings = [.. counts.Rules.Select(r => new RuleWeek(r.RuleId, (int)r.WeeksAgo, (int)r.Findings, (int)r.People))],
            Nudges = [.. counts.Nudges.Select(n => new RuleNudges(n.RuleId, (int)n.Delivered, (int)n.Thanks, (int)n.NotHelpful, (int)n.People))],
            ActivityWeeks = ActivityPlacement.ToWeeks(activity),
            Activity = ActivityPlacement.ToSlots(activity),
            Lead = new LeadHabits(LeadWeekOf(counts.Lead, 0, activity.LeadReached[0]), LeadWeekOf(counts.Lead, 1, activity.LeadReached[1])),
        };
    }

    // The lead's message count would need a per-person counter, which the live path does not keep: 0 (not shown live).
    private static LeadWeek LeadWeekOf(IReadOnlyList<LeadCount> rows, int weeksAgo, long reached)
    {
        var week = rows.Where(r => r.WeeksAgo == weeksAgo).ToList();
        return new LeadWeek(
            Messages: 0,
            AfterHoursPings: (int)week.Sum(r => r.AfterHoursPings),
            PeopleReachedAfterHours: (int)reached,
            CallsProposed: (int)week.Sum(r => r.CallsProposed),
            Findings: (int)week.Sum(r => r.Findings),
            NudgesDelivered: (int)week.Sum(r => r.NudgesDelivered),
            Thanks: (int)week.Sum(r => r.Thanks),
            NotHelpful: (int)week.Sum(r => r.NotHelpful));
    }
}
