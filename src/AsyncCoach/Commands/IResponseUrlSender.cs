namespace AsyncCoach.Commands;

/// <summary>
/// Posts to a <c>response_url</c>. Stands in for the webapi branch's <c>IResponseUrlClient</c>
/// until it is merged; throws when Slack refuses the post.
/// </summary>
public interface IResponseUrlSender
{
    Task PostAsync(Uri responseUrl, ResponseUrlPost message, CancellationToken cancellationToken);
}
