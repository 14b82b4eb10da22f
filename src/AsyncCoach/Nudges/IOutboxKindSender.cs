using AsyncCoach.Slack.WebApi;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>
/// Extension point: delivers one kind of outbox message (a nudge, a digest, an App Home view).
/// Register one per kind in DI (<c>AddSingleton&lt;IOutboxKindSender, …&gt;()</c>). The
/// <see cref="OutboxSender"/> does everything the kinds share: the per-team lane, the durable
/// claim before this is called (at most once), expiry, retries with backoff, 429 deferral of the
/// whole team, and the revoked-token handling. See docs/outbox.md.
/// </summary>
public interface IOutboxKindSender
{
    /// <summary>The outbox kind this sender delivers (the row's <c>kind</c> column).</summary>
    string Kind { get; }

    /// <summary>
    /// Makes the Slack call(s) for one claimed row, with <paramref name="slack"/> (the team's
    /// client). Let <see cref="SlackApiException"/>, <see cref="HttpRequestException"/> and
    /// timeouts escape: the outbox decides whether the row failed, retries or waits.
    /// <see cref="OutboxRow.ContentJson"/> is never null here.
    /// </summary>
    Task SendAsync(OutboxRow row, ISlackWebApi slack, CancellationToken cancellationToken);
}
