using System.Globalization;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Interactivity;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;
using AsyncCoach.Workspace;

namespace AsyncCoach.Nudges;

/// <summary>
/// The nudge buttons (<c>nudge:*</c>; value = outbox id): records the feedback (for "Not helpful
/// here" also against each evidence phrase, which the team's norms learn from), applies the
/// snooze, and replaces the ephemeral nudge through <c>response_url</c> with a short answer.
/// A value that is not a nudge of the clicking user in their team is refused with a reason.
/// </summary>
public sealed partial class NudgeActionHandler(
    INudgeStore nudges,
    IPersonSettingsStore people,
    IPhraseFeedbackStore phraseFeedback,
    INormsStore norms,
    IWorkspaceDirectory directory,
    IResponseUrlClient responseUrls,
    TimeProvider time,
    ILogger<NudgeActionHandler> logger) : IBlockActionHandler
{
    public string Prefix => NudgeActions.Prefix;

    public async Task<InteractionOutcome> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var actionId = action.ActionId;
        if (actionId is not (NudgeActions.Thanks or NudgeActions.NotHelpful or NudgeActions.SnoozeToday or NudgeActions.Why))
        {
            return new InteractionOutcome($"unknown nudge action: {actionId}");
        }

        var userId = NonEmpty(payload.User?.Id);
        var teamId = NonEmpty(payload.Team?.Id) ?? NonEmpty(payload.User?.TeamId);
        if (userId is null || teamId is null)
        {
            return new InteractionOutcome("block_actions payload has no user or team");
        }

        if (!long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var nudgeId))
        {
            return new InteractionOutcome("nudge button value is not a nudge id");
        }

        var nudge = await nudges.GetAsync(nudgeId, cancellationToken);
        if (nudge is null || nudge.TeamId != teamId || nudge.AuthorId != userId)
        {
            return new InteractionOutcome("unknown nudge for this user");
        }

        if (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUri))
        {
            return new InteractionOutcome("block_actions payload has no response_url");
        }

        var now = time.GetUtcNow();
        var kind = actionId[NudgeActions.Prefix.Length..];
        await nudges.AddFeedbackAsync(nudgeId, kind, userId, now, cancellationToken);
        if (actionId == NudgeActions.NotHelpful && await phraseFeedback.RecordNotHelpfulAsync(nudgeId, userId, now, cancellationToken) > 0)
        {
            norms.Forget(teamId); // the next message sees what the team has taught so far
        }

        var reply = actionId switch
        {
            NudgeActions.Thanks => "Thanks! Glad it helped. :slightly_smiling_face:",
            NudgeActions.NotHelpful => "Thanks for telling us. This counts as a miss for the " +
                string.Join(", ", nudge.RuleIds.Select(r => "_" + r + "_")) + " tip, so your team can tune it.",
            NudgeActions.SnoozeToday => await SnoozeAsync(teamId, userId, now, cancellationToken),
            _ => NudgeComposer.Explain(nudge.RuleIds),
        };

        try
        {
            await responseUrls.PostAsync(responseUri, new ResponseUrlMessage(reply) { ReplaceOriginal = true }, cancellationToken);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or ArgumentException)
        {
            // The feedback is recorded; only the acknowledgement could not be shown.
            Log.ReplyFailed(logger, ex.GetType().Name);
        }

        Log.Feedback(logger, kind, nudgeId);
        return InteractionOutcome.Ok;
    }

    private async Task<string> SnoozeAsync(string teamId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await people.GetAsync(teamId, userId, cancellationToken);
        var zone = settings.TimeZone ?? (await directory.GetPersonAsync(new(teamId), new(userId), cancellationToken))?.TimeZoneId;
        // Until the start of the author's next day (their midnight; UTC when unknown).
        var until = NudgeDay.StartOf(NudgeDay.StartOf(now, zone) + TimeSpan.FromHours(26), zone);
        await people.SaveAsync(teamId, settings with { SnoozeUntil = until }, cancellationToken);
        return "Snoozed: no more tips for you today. They'll be back tomorrow.";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1821, Level = LogLevel.Information, Message = "Nudge feedback {Kind} for nudge {NudgeId}")]
        public static partial void Feedback(ILogger logger, string kind, long nudgeId);

        [LoggerMessage(EventId = 1822, Level = LogLevel.Warning, Message = "Replacing the nudge through response_url failed ({Error})")]
        public static partial void ReplyFailed(ILogger logger, string error);
    }
}
