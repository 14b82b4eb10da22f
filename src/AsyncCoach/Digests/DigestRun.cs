using System.Text.Json;
using AsyncCoach.Commands;
using AsyncCoach.Nudges;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Digests;

/// <summary>
/// One pass of the weekly scheduler: for every lead of every installed, active team with leads, the
/// latest slot at or before now; if it is not older than the lead's <c>since</c> and its week
/// was not claimed yet, it is handed to the outbox (claimed, unique per lead and week). After
/// downtime that is only the latest missed week, marked late. Deterministic in <c>now</c>.
/// </summary>
public sealed partial class DigestRun(
    IDigestSettingsStore settings,
    INormsStore norms,
    IPersonSettingsStore people,
    PersonZones zones,
    IInstallationStore installations,
    IOutboxStore outbox,
    OutboxSignal signal,
    IOptions<DigestOptions> options,
    ILogger<DigestRun> logger)
{
    // Weeks already claimed, so a pass does not write again for each lead every minute.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Team, string Lead, string Key), byte> _claimed = new();

    /// <summary>Hands every due digest to the outbox; returns how many were new.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = 0;
        // Installed teams only (the registry of installations), and of those the ones with leads.
        var active = new HashSet<string>(await installations.ActiveTeamsAsync(cancellationToken), StringComparer.Ordinal);
        foreach (var team in await settings.TeamsWithLeadsAsync(cancellationToken))
        {
            if (!active.Contains(team))
            {
                continue;
            }

            try
            {
                added += await RunTeamAsync(team, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TeamFailed(logger, team, ex);
            }
        }

        if (added > 0)
        {
            signal.Notify();
        }

        return added;
    }

    private async Task<int> RunTeamAsync(string team, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = (await norms.GetAsync(team, cancellationToken)).Leads.Order(StringComparer.Ordinal).ToList();
        var stored = await settings.ForTeamAsync(team, cancellationToken);
        var unknown = leads.Where(l => !stored.ContainsKey(l)).ToList();
        if (unknown.Count > 0)
        {
            await settings.TouchAsync(team, unknown, now, cancellationToken);
        }

        var added = 0;
        foreach (var lead in leads)
        {
            var setting = stored.GetValueOrDefault(lead) ?? DigestSetting.Default(team, lead, now);
            if (!setting.Enabled)
            {
                continue;
            }

            var zone = await zones.GetAsync(team, await people.GetAsync(team, lead, cancellationToken), cancellationToken);
            var (slot, week) = DigestSchedule.LatestSlot(now, setting, zone);
            var key = DigestSchedule.Key(week, zone);
            if (slot < setting.Since || _claimed.ContainsKey((team, lead, key)))
            {
                continue;
            }

            var late = now - slot > options.Value.LateAfter;
            var payload = JsonSerializer.Serialize(new DigestPayload(key, zone.Id, late), DigestJsonContext.Default.DigestPayload);
            var message = new OutboxMessage(DigestKindSender.DigestKind, team, lead, key, payload, slot.AddDays(6));
            if (await outbox.TryEnqueueAsync(message, now, cancellationToken) is { } id)
            {
                added++;
                Log.Scheduled(logger, id, team, key, late);
            }

            _claimed[(team, lead, key)] = 0;
        }

        return added;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2310, Level = LogLevel.Information, Message = "Digest {OutboxId} for team {TeamId}, week of {Week}, handed to the outbox (late: {Late})")]
        public static partial void Scheduled(ILogger logger, long outboxId, string teamId, string week, bool late);

        [LoggerMessage(EventId = 2311, Level = LogLevel.Error, Message = "Scheduling the digests of team {TeamId} failed; trying again at the next pass")]
        public static partial void TeamFailed(ILogger logger, string teamId, Exception exception);
    }
}
