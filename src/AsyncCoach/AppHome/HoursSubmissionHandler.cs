using AsyncCoach.Interactivity;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Storage;

namespace AsyncCoach.AppHome;

/// <summary>
/// The hours modal's <c>view_submission</c>: bad hours or an unknown zone keep the modal open with
/// the reason under the field (<c>response_action: errors</c>); good ones are saved, the modal
/// closes, and the Home tab is republished with them.
/// </summary>
public sealed partial class HoursSubmissionHandler(
    IPersonSettingsStore settings, HomePublisher publisher, ILogger<HoursSubmissionHandler> logger) : IViewSubmissionHandler
{
    public string Prefix => HomeActions.HoursModal;

    public async Task<InteractionOutcome> HandleAsync(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var userId = submission.User?.Id;
        var teamId = submission.TeamId;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(teamId))
        {
            return new InteractionOutcome("view_submission payload has no user or team");
        }

        var read = HoursModal.Read(submission);
        if (read.Errors is { } errors)
        {
            Log.Refused(logger, string.Join(",", errors.Keys));
            return InteractionOutcome.Respond(InteractionResponse.Errors(errors));
        }

        var current = await settings.GetAsync(teamId, userId, cancellationToken);
        await settings.SaveAsync(teamId, current with { Hours = read.Hours, TimeZone = read.Zone }, cancellationToken);
        await publisher.RequestAsync(teamId, userId, changed: true, cancellationToken);
        return InteractionOutcome.Ok;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2630, Level = LogLevel.Debug, Message = "Hours modal refused: {Fields}")]
        public static partial void Refused(ILogger logger, string fields);
    }
}
