using AsyncCoach.Pipeline;
using AsyncCoach.Storage;

namespace AsyncCoach.Nudges;

/// <summary>Sent, feedback and expired counts from the outbox and feedback tables, for <c>/async stats</c>.</summary>
public sealed class OutboxNudgeHistory(INudgeStore store) : INudgeHistory
{
    public async Task<NudgeSummary> SummarizeAsync(string teamId, string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var (sent, thanks, notHelpful, snoozed, expired) = await store.SummarizeAsync(teamId, userId, since, cancellationToken);
        return new NudgeSummary((int)sent, (int)thanks, (int)notHelpful, (int)snoozed, (int)expired);
    }
}
