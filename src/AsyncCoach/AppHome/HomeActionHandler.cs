using AsyncCoach.Commands;
using AsyncCoach.Interactivity;
using AsyncCoach.Norms;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.AppHome;

/// <summary>
/// The Home tab's buttons (<c>home:*</c>): snooze for an hour or a day, resume, opt out or in
/// (each saved, then the tab republished), a lead's "Preview digest" (sent by the outbox to the
/// lead's DM), and "Change" next to the hours, which opens
/// <see cref="HoursModal"/> with the click's <c>trigger_id</c> (valid once, for 3 seconds, so
/// it is opened before the click is acknowledged).
/// </summary>
public sealed partial class HomeActionHandler(
    IPersonSettingsStore settings,
    INormsStore norms,
    PersonZones zones,
    HomePublisher publisher,
    ISlackClientFactory slack,
    TimeProvider time,
    ILogger<HomeActionHandler> logger) : IBlockActionHandler
{
    public string Prefix => HomeActions.Prefix;

    public async Task<InteractionOutcome> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var userId = payload.User?.Id;
        var teamId = payload.Team?.Id is { Length: > 0 } team ? team : payload.User?.TeamId;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(teamId))
        {
            return new InteractionOutcome("block_actions payload has no user or team");
        }

        var current = await settings.GetAsync(teamId, userId, cancellationToken);
        var now = time.GetUtcNow();
        PersonSettings? changed = action.ActionId switch
        {
            HomeActions.SnoozeHour => current with { SnoozeUntil = now.AddHours(1) },
            HomeActions.SnoozeDay => current with { SnoozeUntil = now.AddDays(1) },
            HomeActions.Resume => current with { SnoozeUntil = null },
            HomeActions.OptOut => current with { OptedOut = true },
            HomeActions.OptIn => current with { OptedOut = false },
            _ => null,
        };
        if (changed is not null)
        {
            await settings.SaveAsync(teamId, changed, cancellationToken);
            Log.Changed(logger, action.ActionId);
            await publisher.RequestAsync(teamId, userId, changed: true, cancellationToken);
            return InteractionOutcome.Ok;
        }

        if (action.ActionId == HomeActions.PreviewDigest)
        {
            if (!(await norms.GetAsync(teamId, cancellationToken)).Leads.Contains(userId))
            {
                return new InteractionOutcome("only the team's leads get a digest preview");
            }

            await publisher.RequestDigestPreviewAsync(teamId, userId, cancellationToken);
            return InteractionOutcome.Ok;
        }

        if (action.ActionId != HomeActions.EditHours)
        {
            return new InteractionOutcome($"unknown home action: {action.ActionId}");
        }

        if (string.IsNullOrEmpty(payload.TriggerId))
        {
            return new InteractionOutcome("block_actions payload has no trigger_id to open the hours modal with");
        }

        var zone = current.TimeZone ?? (await zones.GetAsync(teamId, current, cancellationToken)) switch
        {
            var z when z == TimeZoneInfo.Utc => null,
            var z => z.Id,
        };
        var modal = HoursModal.Build(current.Hours is { } own ? WorkingHoursText.Format(own) : null, zone);
        try
        {
            await slack.ForTeam(teamId).OpenViewAsync(new OpenViewRequest(payload.TriggerId, modal), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            // Nothing to undo; the person can click again (an expired trigger_id is the usual cause).
            Log.OpenFailed(logger, ex.Error);
        }

        return InteractionOutcome.Ok;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2620, Level = LogLevel.Information, Message = "Home tab button {ActionId} saved")]
        public static partial void Changed(ILogger logger, string actionId);

        [LoggerMessage(EventId = 2621, Level = LogLevel.Warning, Message = "Opening the hours modal failed ({Error})")]
        public static partial void OpenFailed(ILogger logger, string error);
    }
}
