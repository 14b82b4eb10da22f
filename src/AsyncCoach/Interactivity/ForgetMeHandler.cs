using System.Globalization;
using System.Text;
using AsyncCoach.Commands;
using AsyncCoach.Core.Model;
using AsyncCoach.Pipeline;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Interactivity;

/// <summary>
/// The buttons under <c>/async forget-me</c>'s question (<c>forget:*</c>). Confirm deletes the
/// clicking person's data in their team at once, in one transaction
/// (<see cref="ITeamDataStore.DeletePersonAsync"/>), and answers through <c>response_url</c> with
/// the counts; cancel deletes nothing. Who is forgotten comes from Slack's signed payload, never
/// from the button: a value made for someone else, for another team or too long ago is refused
/// with a clear answer and nothing is deleted.
/// </summary>
public sealed partial class ForgetMeHandler(
    ITeamDataStore data,
    IPersonSettingsStore people,
    INormsStore norms,
    TrackerHost tracker,
    IResponseUrlClient responseUrls,
    TimeProvider time,
    ILogger<ForgetMeHandler> logger) : IBlockActionHandler
{
    public const string Cancelled = "Cancelled: nothing was deleted.";

    public const string NotYours = "This confirmation was not made for you in this workspace, so nothing was deleted. " +
        "To delete your own data, run `/async forget-me` and confirm with its button.";

    public const string Expired = "This confirmation has expired, so nothing was deleted. Run `/async forget-me` again to delete your data.";

    public string Prefix => ForgetMeBlocks.Prefix;

    public async Task<InteractionOutcome> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        if (action.ActionId is not (ForgetMeBlocks.Confirm or ForgetMeBlocks.Cancel))
        {
            return new InteractionOutcome($"unknown forget-me action: {action.ActionId}");
        }

        var userId = payload.User?.Id is { Length: > 0 } user ? user : null;
        var teamId = payload.Team?.Id is { Length: > 0 } team ? team : payload.User?.TeamId is { Length: > 0 } userTeam ? userTeam : null;
        if (userId is null || teamId is null)
        {
            return new InteractionOutcome("block_actions payload has no user or team");
        }

        if (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUri))
        {
            // The answer (the counts) can only go there: delete nothing we cannot report.
            return new InteractionOutcome("block_actions payload has no response_url");
        }

        var now = time.GetUtcNow();
        string reply;
        if (action.ActionId == ForgetMeBlocks.Cancel)
        {
            reply = Cancelled;
        }
        else if (!ForgetMeBlocks.TryRead(action.Value, out var valueTeam, out var valueUser, out var askedAt) || valueTeam != teamId || valueUser != userId)
        {
            Log.Refused(logger, teamId, "not made for this person");
            reply = NotYours;
        }
        else if (askedAt > now + TimeSpan.FromMinutes(5) || now - askedAt > ForgetMeBlocks.Lifetime)
        {
            Log.Refused(logger, teamId, "expired");
            reply = Expired;
        }
        else
        {
            var forgotten = await data.DeletePersonAsync(teamId, userId, now, cancellationToken);
            tracker.ForgetAuthor(new TeamId(teamId), new UserId(userId)); // a greeting of theirs still waiting is not recorded later
            people.Forget(teamId, userId);
            norms.Forget(teamId); // their "Not helpful here" marks no longer count toward what the team learned
            Log.Forgotten(logger, teamId, forgotten.Total);
            reply = Answer(forgotten);
        }

        try
        {
            await responseUrls.PostAsync(responseUri, new ResponseUrlMessage(reply) { ReplaceOriginal = reply != NotYours }, cancellationToken);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or ArgumentException)
        {
            Log.ReplyFailed(logger, ex.GetType().Name);
        }

        return InteractionOutcome.Ok;
    }

    /// <summary>The counts per kind of data, and what happens next.</summary>
    public static string Answer(PersonForgotten forgotten)
    {
        var text = new StringBuilder();
        if (forgotten.Total == 0)
        {
            text.Append("There was nothing of yours to delete in this workspace.");
        }
        else
        {
            text.Append("Done. Deleted from AsyncCoach in this workspace:");
            for (var i = 0; i < forgotten.Counts.Count; i++)
            {
                if (forgotten.Counts[i] > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n• {PersonDataKinds.All[i].Label}: {forgotten.Counts[i]}");
                }
            }
        }

        text.Append('\n').Append(forgotten.StillOptedOut
            ? "You stay opted out: that one setting is kept so AsyncCoach does not start nudging you again (`/async optin` undoes it)."
            : "AsyncCoach still coaches your future messages; `/async optout` stops that.");
        return text.ToString();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2902, Level = LogLevel.Information, Message = "Forgot one person of team {TeamId} on their request: {Rows} rows deleted")]
        public static partial void Forgotten(ILogger logger, string teamId, int rows);

        [LoggerMessage(EventId = 2903, Level = LogLevel.Warning, Message = "Refused a forget-me confirmation in team {TeamId}: {Reason}")]
        public static partial void Refused(ILogger logger, string teamId, string reason);

        [LoggerMessage(EventId = 2904, Level = LogLevel.Warning, Message = "Answering a forget-me button through response_url failed ({Error})")]
        public static partial void ReplyFailed(ILogger logger, string error);
    }
}
