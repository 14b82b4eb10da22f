namespace AsyncCoach.Pipeline;

/// <summary>How one person's nudges landed over a period, for <c>/async stats</c>.</summary>
public sealed record NudgeSummary(int Sent, int Thanks, int NotHelpful, int Snoozed, int Expired);

/// <summary>Reads the nudges a person received and the feedback they gave.</summary>
public interface INudgeHistory
{
    Task<NudgeSummary> SummarizeAsync(string teamId, string userId, DateTimeOffset since, CancellationToken cancellationToken);
}
