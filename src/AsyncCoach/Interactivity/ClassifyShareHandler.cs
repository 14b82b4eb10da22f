using AsyncCoach.Commands;
using AsyncCoach.Core.Taxonomy;
using AsyncCoach.Slack.Interactivity;
using AsyncCoach.Slack.WebApi;

namespace AsyncCoach.Interactivity;

/// <summary>
/// The <c>classify:share</c> button under a private <c>/async classify</c> answer: re-classifies
/// the task carried in the button's value and posts the answer visibly in the channel through the
/// interaction's <c>response_url</c> (<c>in_channel</c>, the private answer stays as it was).
/// The post happens after the acknowledgement, so a slow Slack cannot time the click out.
/// </summary>
public sealed partial class ClassifyShareHandler(
    TaskClassifier classifier,
    IResponseUrlClient responseUrl,
    IHostApplicationLifetime lifetime,
    ILogger<ClassifyShareHandler> logger) : IBlockActionHandler
{
    public string Prefix => "classify:";

    public Task<InteractionOutcome> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        if (action.ActionId != ClassificationBlocks.ShareActionId)
        {
            return Task.FromResult(new InteractionOutcome($"unknown action_id: {action.ActionId}"));
        }

        var task = action.Value;
        var user = payload.User?.Id is { Length: > 0 } id ? id : null;
        if (string.IsNullOrWhiteSpace(task) || user is null || !Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUri))
        {
            return Task.FromResult(new InteractionOutcome("classify:share needs a value, a user and a response_url"));
        }

        var message = ClassificationBlocks.Shared(task, classifier.Classify(task), user).ToResponseUrl(inChannel: true, replaceOriginal: false);
        _ = PostAsync(responseUri, message);
        return Task.FromResult(InteractionOutcome.Ok);
    }

    private async Task PostAsync(Uri url, ResponseUrlMessage message)
    {
        try
        {
            await responseUrl.PostAsync(url, message, lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            Log.ShareFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Sharing a classification in the channel failed")]
        public static partial void ShareFailed(ILogger logger, Exception exception);
    }
}
